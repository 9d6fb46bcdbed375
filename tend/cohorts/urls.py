from django.urls import path

from tend.cohorts import views

app_name = "cohorts"
urlpatterns = [
    path("", views.cohort_list, name="list"),
    path("new/", views.cohort_create, name="create"),
    path("<int:pk>/", views.cohort_detail, name="detail"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path("<int:pk>/invitations/<int:invitation_pk>/revoke/", views.revoke_invitation, name="revoke_invitation"),
    path("<int:pk>/supervision/", views.assign_supervisor, name="assign_supervisor"),
    path("<int:pk>/space/", views.space, name="space"),
    path("<int:pk>/announcements/new/", views.announcement_create, name="announcement_create"),
    path("<int:pk>/announcements/<int:announcement_pk>/edit/", views.announcement_edit, name="announcement_edit"),
    path("<int:pk>/announcements/<int:announcement_pk>/delete/", views.announcement_delete, name="announcement_delete"),
    path("<int:pk>/dashboard/", views.dashboard, name="dashboard"),
    path("<int:pk>/dashboard/nudge/<int:user_pk>/", views.nudge, name="nudge"),
    path("join/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
