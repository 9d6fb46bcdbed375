from django.urls import path

from tend.imagery import views

app_name = "imagery"
urlpatterns = [
    path("", views.practice_list, name="list"),
    path("recordings/<int:pk>/", views.recording_file, name="recording"),
    path("<slug:script_id>/", views.player, name="player"),
    path("<slug:script_id>/text/", views.text_mode, name="text"),
    path("<slug:script_id>/recordings/", views.upload_recording, name="upload"),
    path("<slug:script_id>/log/", views.log_practice, name="log"),
]
