from django.urls import path

from tend.exercises import views

app_name = "exercises"

urlpatterns = [
    path("", views.exercise_list, name="list"),
    path("new/", views.exercise_new, name="new"),
    path("<int:exercise_pk>/", views.exercise_detail, name="detail"),
    path("<int:exercise_pk>/edit/", views.exercise_edit, name="edit"),
    path("<int:exercise_pk>/answer/", views.answer_save, name="answer"),
    path("<int:exercise_pk>/autosave/", views.answer_autosave, name="autosave"),
    path("<int:exercise_pk>/conflicts/<int:conflict_pk>/", views.answer_conflict, name="conflict"),
]
