from . import matrix
from . import portal
