from django.urls import path

from tend.drills import views

app_name = "drills"
urlpatterns = [
    path("", views.skill_list, name="skills"),
    path("skills/<slug:skill_id>/practise/", views.practise, name="practise"),
    path("attempts/<int:pk>/", views.attempt_page, name="attempt"),
    path("attempts/<int:pk>/autosave/", views.attempt_autosave, name="autosave"),
    path("attempts/<int:pk>/feedback/", views.attempt_feedback, name="feedback"),
    path("attempts/<int:pk>/rate/", views.attempt_rate, name="rate"),
]
