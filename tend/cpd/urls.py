from django.urls import path

from tend.cpd import views

app_name = "cpd"

urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("activities/add/", views.activity_add, name="add"),
    path("activities/<int:pk>/", views.activity_edit, name="edit"),
    path("activities/<int:pk>/autosave/", views.activity_autosave, name="autosave"),
    path("activities/<int:pk>/conflicts/<int:conflict_pk>/", views.conflict, name="conflict"),
    path("activities/<int:pk>/delete/", views.activity_delete, name="delete"),
    path("activities/<int:pk>/evidence/", views.evidence, name="evidence"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.pdf", views.export_pdf, name="export_pdf"),
]
