"""Background work for the showcase; every task takes ids and may safely run twice.

The showcase's e-mails (Startup Day notices, team invitations) are sent by the outbox's own task and
sweeper (trainers/notifications.py, showcase/notices.py): none is left here.
"""
