from django.contrib import admin
from django_tasks_db.models import DBTaskResult

# Task rows hold arguments and results; operators use `manage.py db_worker` output and logs,
# not the admin, so nothing queued can ever be browsed there.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
