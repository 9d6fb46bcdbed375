from django.urls import path

from tend.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.entry_list, name="list"),
    path("shared-with-me/", views.shared_with_me, name="shared_with_me"),
    path("new/", views.entry_create, name="create"),
    path("export.json", views.export_json, name="export_json"),
    path("export.md", views.export_markdown, name="export_markdown"),
    path("<int:pk>/", views.entry_detail, name="detail"),
    path("<int:pk>/edit/", views.entry_edit, name="edit"),
    path("<int:pk>/autosave/", views.entry_autosave, name="autosave"),
    path("<int:pk>/conflicts/<int:conflict_pk>/", views.conflict, name="conflict"),
    path("<int:pk>/delete/", views.entry_delete, name="delete"),
    path("<int:pk>/restore/", views.entry_restore, name="restore"),
]
