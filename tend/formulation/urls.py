from django.urls import path

from tend.formulation import views

app_name = "formulation"
urlpatterns = [
    path("", views.formulation_list, name="list"),
    path("new/", views.formulation_create, name="create"),
    path("example/", views.example, name="example"),
    path("<int:pk>/", views.formulation_detail, name="detail"),
    path("<int:pk>/edit/", views.formulation_edit, name="edit"),
    path("<int:pk>/autosave/", views.formulation_autosave, name="autosave"),
    path("<int:pk>/versions/", views.formulation_versions, name="versions"),
    path("<int:pk>/pdf/", views.export_pdf, name="export_pdf"),
    path("<int:pk>/conflicts/<int:conflict_pk>/", views.conflict, name="conflict"),
    path("<int:pk>/delete/", views.formulation_delete, name="delete"),
]
