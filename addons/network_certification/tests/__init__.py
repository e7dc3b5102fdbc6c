from . import test_used_token
