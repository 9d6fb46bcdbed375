from django.urls import path

from tend.learn import views

app_name = "learn"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("glossary/", views.glossary, name="glossary"),
    path("search/", views.search_view, name="search"),
    path("cohorts/<int:pk>/progress/", views.cohort_progress, name="cohort_progress"),
    path("cohorts/<int:pk>/schedule/", views.cohort_release, name="cohort_release"),
    path("<slug:slug>/", views.module_detail, name="module"),
    path("<slug:slug>/check/", views.knowledge_check, name="check"),
    path("<slug:slug>/check/<slug:question_key>/", views.check_question, name="check_question"),
    path("<slug:slug>/pdf/", views.module_pdf, name="pdf"),
    path("<slug:slug>/reflect/<slug:prompt_key>/", views.reflect, name="reflect"),
    path("<slug:slug>/practice/<slug:practice_key>/", views.practice, name="practice"),
    path("<slug:slug>/figures/<str:name>", views.figure, name="figure"),
    path("<slug:slug>/<slug:lesson_slug>/", views.lesson_detail, name="lesson"),
    path("<slug:slug>/<slug:lesson_slug>/complete/", views.lesson_complete, name="lesson_complete"),
    path("<slug:slug>/<slug:lesson_slug>/position/", views.lesson_position, name="lesson_position"),
]
