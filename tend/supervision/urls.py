from django.urls import path

from tend.supervision import views

app_name = "supervision"

urlpatterns = [
    path("", views.home, name="home"),
    path("feedback/", views.feedback, name="feedback"),
    path("logs/", views.logs, name="logs"),
    path("logs/new/<int:trainee_pk>/", views.log_new, name="log_new"),
    path("logs/<int:pk>/", views.log_detail, name="log"),
    path("logs/<int:pk>/edit/", views.log_edit, name="log_edit"),
    path("competencies/<int:trainee_pk>/", views.profile, name="profile"),
    path("competencies/<int:trainee_pk>/<slug:competency_id>/", views.competency, name="competency"),
    path("agreement/<int:person_pk>/", views.agreement, name="agreement"),
    path("agreement/<int:person_pk>/edit/", views.agreement_edit, name="agreement_edit"),
    # A shared item under its kind, e.g. letter/12/ (journal, letter, formulation, drill).
    path("<slug:kind>/<int:pk>/", views.item, name="item"),
    path("<slug:kind>/<int:pk>/comments/<int:comment_pk>/reply/", views.reply, name="reply"),
    path("<slug:kind>/<int:pk>/reviewed/", views.mark_reviewed, name="mark_reviewed"),
]
