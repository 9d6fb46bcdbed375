from django.urls import path

from tend.handouts import views

app_name = "handouts"
urlpatterns = [
    path("", views.handout_list, name="list"),
    path("<slug:handout_id>/", views.handout_preview, name="preview"),
    path("<slug:handout_id>/handout.pdf", views.handout_pdf, name="pdf"),
]
