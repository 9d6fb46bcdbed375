from django.urls import path

from tend.diary import views

app_name = "diary"
urlpatterns = [
    path("", views.diary, name="diary"),
    path("add/", views.log_add, name="add"),
    path("<int:pk>/", views.log_edit, name="edit"),
    path("<int:pk>/delete/", views.log_delete, name="delete"),
]
