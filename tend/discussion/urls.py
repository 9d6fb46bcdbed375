from django.urls import path

from tend.discussion import views

app_name = "discussion"

urlpatterns = [
    path("", views.thread_list, name="list"),
    path("new/", views.thread_new, name="new"),
    path("new/draft/", views.thread_draft, name="new_draft"),
    path("modules/<slug:module_slug>/", views.module_thread, name="module"),
    path("threads/<int:thread_pk>/", views.thread_detail, name="thread"),
    path("threads/<int:thread_pk>/reply/", views.reply, name="reply"),
    path("threads/<int:thread_pk>/draft/", views.reply_draft, name="reply_draft"),
    path("threads/<int:thread_pk>/pin/", views.thread_pin, name="pin"),
    path("threads/<int:thread_pk>/lock/", views.thread_lock, name="lock"),
    path("posts/<int:post_pk>/edit/", views.post_edit, name="edit"),
    path("posts/<int:post_pk>/delete/", views.post_delete, name="delete"),
    path("posts/<int:post_pk>/report/", views.post_report, name="report"),
    path("posts/<int:post_pk>/hide/", views.post_hide, name="hide"),
    path("drafts/<int:draft_pk>/conflicts/<int:conflict_pk>/", views.draft_conflict, name="draft_conflict"),
    path("reports/", views.report_queue, name="reports"),
    path("reports/<int:report_pk>/resolve/", views.report_resolve, name="resolve"),
]
