from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from tend.core import views as core_views

# The admin's own login gets the same rate limiting as the main sign-in page.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Tend administration"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("learn/", include("tend.learn.urls")),
    path("practise/", core_views.practise, name="practise"),
    path("practise/letters/", include("tend.letters.urls")),
    path("practise/breathing/", include("tend.breathing.urls")),
    path("practise/circles/", include("tend.circles.urls")),
    path("practise/imagery/", include("tend.imagery.urls")),
    path("practise/diary/", include("tend.diary.urls")),
    path("practise/timers/", include("tend.timers.urls")),
    path("practise/formulation/", include("tend.formulation.urls")),
    path("practise/handouts/", include("tend.handouts.urls")),
    path("practise/drills/", include("tend.drills.urls")),
    path("measures/", include("tend.questionnaires.urls")),
    path("cohorts/<int:cohort_pk>/discussion/", include("tend.discussion.urls")),
    path("cohorts/<int:cohort_pk>/exercises/", include("tend.exercises.urls")),
    path("live/", include("tend.live.urls")),
    path("supervision/", include("tend.supervision.urls")),
    path("notifications/", include("tend.notifications.urls")),
    path("cpd/", include("tend.cpd.urls")),
    path("certificates/", include("tend.certificates.urls")),
    path("progress/", core_views.progress, name="progress"),
    path("healthz", core_views.healthz, name="healthz"),
    path("profile/", include("tend.accounts.urls")),
    path("cohorts/", include("tend.cohorts.urls")),
    path("journal/", include("tend.journal.urls")),
    path("", include("tend.safety.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "tend.core.views.error_403"
handler404 = "tend.core.views.error_404"
handler500 = "tend.core.views.error_500"
