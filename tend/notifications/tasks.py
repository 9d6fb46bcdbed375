"""Background work for notification emails. Arguments are ids and a frequency name, never text."""

from django.tasks import task

from tend.notifications import services


@task
def send_immediate(notification_id: int) -> bool:
    return services.send_immediate_email(notification_id)


@task
def send_digests(frequency: str) -> int:
    return services.send_digests(frequency)
