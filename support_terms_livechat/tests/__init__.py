from . import test_chat_request
