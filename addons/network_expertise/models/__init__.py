from . import network_expertise_criterion
from . import network_expertise_score
from . import network_expertise
from . import network_material
from . import network_collection
from . import res_company
from . import res_config_settings
