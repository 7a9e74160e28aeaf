from django.dispatch import Signal

# Sent when someone registers with an email address or phone number that an account already uses.
# Arguments: users (the accounts holding the address). trainers/ listens and tells their owners by message;
# the registrant is told only what a new address would be told (accounts/views.py).
registration_attempted = Signal()
