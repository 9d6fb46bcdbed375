from django.urls import path

from tend.live import views

app_name = "live"

urlpatterns = [
    path("", views.index, name="index"),
    path("cohort/<int:cohort_pk>/", views.cohort_sessions, name="cohort"),
    path("cohort/<int:cohort_pk>/new/", views.create, name="create"),
    path("cohort/<int:cohort_pk>/sessions.ics", views.cohort_ics, name="cohort_ics"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/follow-up/", views.follow_up, name="follow_up"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/session.ics", views.session_ics, name="session_ics"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/reset/", views.calendar_reset, name="calendar_reset"),
    path("calendar/feed/<str:token>.ics", views.feed, name="feed"),
]
