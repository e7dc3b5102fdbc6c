from . import test_classification, test_import, test_pairing
