from django.urls import path

from tend.letters import views

app_name = "letters"
urlpatterns = [
    path("", views.letter_list, name="list"),
    path("new/", views.letter_create, name="create"),
    path("<int:pk>/", views.letter_detail, name="detail"),
    path("<int:pk>/edit/", views.letter_edit, name="edit"),
    path("<int:pk>/autosave/", views.letter_autosave, name="autosave"),
    path("<int:pk>/feedback/", views.letter_feedback, name="feedback"),
    path("<int:pk>/versions/", views.letter_versions, name="versions"),
    path("<int:pk>/conflicts/<int:conflict_pk>/", views.conflict, name="conflict"),
    path("<int:pk>/delete/", views.letter_delete, name="delete"),
]
