from . import main
from . import portal_certificate
from . import credential
