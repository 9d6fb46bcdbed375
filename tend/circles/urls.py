from django.urls import path

from tend.circles import views

app_name = "circles"
urlpatterns = [
    path("", views.snapshot_list, name="list"),
    path("new/", views.snapshot_create, name="create"),
    path("preview/", views.snapshot_preview, name="preview"),
    path("<int:pk>/", views.snapshot_detail, name="detail"),
    path("<int:pk>/three-circles.svg", views.export_svg, name="export_svg"),
    path("<int:pk>/three-circles.png", views.export_png, name="export_png"),
    path("<int:pk>/three-circles.pdf", views.export_pdf, name="export_pdf"),
    path("<int:pk>/delete/", views.snapshot_delete, name="delete"),
]
