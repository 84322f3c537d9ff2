from . import test_sms_callback
