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
    path("attempts/<int:pk>/conflicts/<int:conflict_pk>/", views.attempt_conflict, name="conflict"),
    path("attempts/<int:pk>/share/", views.attempt_share, name="share"),
    path("attempts/<int:pk>/review/", views.review, name="review"),
    path("mixed/", views.mixed, name="mixed"),
    path("shared/", views.shared_with_me, name="shared"),
    path("diary/", views.diary_week, name="diary"),
    path("diary/<int:pk>/autosave/", views.diary_autosave, name="diary_autosave"),
    path("diary/<int:pk>/conflicts/<int:conflict_pk>/", views.diary_conflict, name="diary_conflict"),
    path("diary/pdf/", views.diary_pdf, name="diary_pdf"),
    path("review-labels.jsonl", views.label_export, name="label_export"),
]
