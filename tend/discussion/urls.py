from django.urls import path

from tend.discussion import views

app_name = "discussion"

urlpatterns = [
    path("", views.thread_list, name="list"),
    path("new/", views.thread_new, name="new"),
    path("modules/<slug:module_slug>/", views.module_thread, name="module"),
    path("threads/<int:thread_pk>/", views.thread_detail, name="thread"),
    path("threads/<int:thread_pk>/reply/", views.reply, name="reply"),
    path("threads/<int:thread_pk>/pin/", views.thread_pin, name="pin"),
    path("threads/<int:thread_pk>/lock/", views.thread_lock, name="lock"),
    path("posts/<int:post_pk>/edit/", views.post_edit, name="edit"),
    path("posts/<int:post_pk>/delete/", views.post_delete, name="delete"),
    path("posts/<int:post_pk>/report/", views.post_report, name="report"),
    path("posts/<int:post_pk>/hide/", views.post_hide, name="hide"),
    path("reports/", views.report_queue, name="reports"),
    path("reports/<int:report_pk>/resolve/", views.report_resolve, name="resolve"),
]
