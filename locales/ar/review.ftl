# نص المراجعة: `khutta diff` وجداول المال والجدول الزمني، وشاشة المراجعة؛ وتقرير تعارضات الدمج.
# The text of a review: `khutta diff`, its money and schedule tables, and the Review screen;
# and the conflict report of a merge (`khutta merge`, the merge driver).
#
# Every message here must also exist in ../en/review.ftl with the same variables (a test
# checks). Counts select on `$NAME_form`, the CLDR form khutta computes (zero, one, two, few,
# many, other). Ids, field paths, values and dates stay as they are, with Western digits.
# A test keeps the arrow of a selector (a hyphen and a greater-than sign) for selectors on a
# form, so no line here may hold it otherwise: prose says "إلى", and Markdown prose takes its
# arrow from `review-md-arrow`.

## The changes

review-no-changes = لا تغييرات
review-md-no-changes = لا تغييرات.
review-md-title = تغييرات الخطة
review-list-separator = {"، "}

review-kind-activity = الأنشطة
review-kind-partner = الشركاء
review-kind-beneficiary = الفئات المستفيدة
review-kind-funding = مصادر التمويل

review-count-added = { $count_form ->
    [zero] لا إضافات
    [one] إضافة واحدة
    [two] إضافتان
    [few] { $count } إضافات
    [many] { $count } إضافةً
   *[other] { $count } إضافة
}
review-count-removed = { $count_form ->
    [zero] لا إزالات
    [one] إزالة واحدة
    [two] إزالتان
    [few] { $count } إزالات
    [many] { $count } إزالةً
   *[other] { $count } إزالة
}
review-count-renamed = { $count_form ->
    [zero] لا إعادات تسمية
    [one] إعادة تسمية واحدة
    [two] إعادتا تسمية
    [few] { $count } إعادات تسمية
    [many] { $count } إعادةَ تسمية
   *[other] { $count } إعادة تسمية
}
review-count-changed = { $count_form ->
    [zero] لا تعديلات
    [one] تعديل واحد
    [two] تعديلان
    [few] { $count } تعديلات
    [many] { $count } تعديلًا
   *[other] { $count } تعديل
}

review-added = أُضيف
review-removed = أُزيل
review-changed = عُدِّل
review-renamed = أُعيدت تسمية { $from } إلى { $to } ({ $follow })
review-md-renamed = **أُعيدت تسمية** { $from } إلى { $to } ({ $follow })
review-follow = { $count_form ->
    [zero] لم يكن شيء يشير إليه
    [one] تبعه كيان واحد يشير إليه
    [two] تبعه كيانان يشيران إليه
    [few] تبعته { $count } كيانات تشير إليه
    [many] تبعه { $count } كيانًا يشير إليه
   *[other] تبعه { $count } كيان يشير إليه
}

review-none = (لا شيء)
review-item-added = أُضيف { $value }
review-item-removed = أُزيل { $value }

## Money

review-money = المال (محوَّلًا إلى عملة الخطة بأسعار الصرف في كل نسخة)
review-md-money = المال
review-md-money-note = محوَّلًا إلى عملة الخطة بأسعار الصرف في كل نسخة.
review-money-budget = الميزانية حسب النشاط
review-money-sources = التمويل حسب المصدر
review-money-funders = التمويل حسب المموِّل
review-money-draws = المسحوب من كل مصدر تمويل
review-money-activity = النشاط
review-money-source = المصدر
review-money-funder = المموِّل
review-money-before = قبل
review-money-after = بعد
review-money-before-in = قبل { $currency }
review-money-after-in = بعد { $currency }
review-money-change = التغيّر
review-money-total = (المجموع)
review-money-no-source = (بلا مصدر)
review-money-unknown = غير متاح

## The schedule

review-schedule = الجدول الزمني (تتحرك التواريخ بالأيام التقويمية والمدد بأيام العمل؛ + تعني أبعد أو أطول)
review-md-schedule = الجدول الزمني
review-md-schedule-note = تتحرك التواريخ بالأيام التقويمية والمدد بأيام العمل؛ + تعني أبعد أو أطول.
review-schedule-activities = الأنشطة
review-schedule-milestones = المعالم التي تحركت
review-column-activity = النشاط
review-column-start = البداية
review-column-finish = النهاية
review-column-duration = المدة
review-column-milestone = المعلم
review-column-date = التاريخ
review-unscheduled = (غير مجدول)
review-was = { $id } (سابقًا { $old })
review-became-critical = أصبحت حرجة: { $ids }
review-no-longer-critical = لم تعد حرجة: { $ids }
review-md-became-critical = أصبحت حرجة: { $ids }
review-md-no-longer-critical = لم تعد حرجة: { $ids }
review-plan-finish = نهاية الخطة: { $finish }
review-md-plan-finish = نهاية الخطة: { $finish }
review-nothing-scheduled = (لا شيء مجدول)
review-finish-unchanged = { $dates } (دون تغيير)
review-finish-moved = { $dates } ({ $sign }{ $days } { $days_form ->
    [zero] يوم
    [one] يوم
    [two] يومان
    [few] أيام
    [many] يومًا
   *[other] يوم
})
# In right-to-left prose the old value comes first, on the right: the arrow points left.
review-md-arrow = ←

## Problems introduced and fixed

review-problems-introduced = { $count_form ->
    [one] مشكلة جديدة (1)
    [two] مشكلتان جديدتان (2)
    [few] مشكلات جديدة ({ $count })
   *[other] مشكلات جديدة ({ $count })
}
review-problems-fixed = { $count_form ->
    [one] مشكلة حُلَّت (1)
    [two] مشكلتان حُلَّتا (2)
    [few] مشكلات حُلَّت ({ $count })
   *[other] مشكلات حُلَّت ({ $count })
}
review-md-problems = المشكلات
review-md-problems-note = ما يُبلغ عنه `khutta check` بعد التغيير لا قبله (جديدة)، وقبله لا بعده (حُلَّت).
review-md-introduced = جديدة ({ $count })
review-md-fixed = حُلَّت ({ $count })

## Authors of the commits of a range

review-authors = المؤلفون ({ $count_form ->
    [zero] لا إيداعات
    [one] إيداع واحد
    [two] إيداعان
    [few] { $count } إيداعات
    [many] { $count } إيداعًا
   *[other] { $count } إيداع
})
review-md-authors = المؤلفون ({ $count_form ->
    [zero] لا إيداعات
    [one] إيداع واحد
    [two] إيداعان
    [few] { $count } إيداعات
    [many] { $count } إيداعًا
   *[other] { $count } إيداع
})
review-author = { $who }: { $commits } ({ $files })
review-author-commits = { $count_form ->
    [zero] لا إيداعات
    [one] إيداع واحد
    [two] إيداعان
    [few] { $count } إيداعات
    [many] { $count } إيداعًا
   *[other] { $count } إيداع
}
review-author-signatures = التواقيع: { $verified } من { $checked } موثَّقة

## A pull-request comment (`khutta review BASE..HEAD`)

review-comment-title = مراجعة الخطة { $range }
review-comment-separator = {"؛ "}
review-comment-changes = التغييرات: { $what }
review-comment-moved = { $count_form ->
    [zero] لم يتحرك أي نشاط أو معلم
    [one] تحرك نشاط أو معلم واحد
    [two] تحرك نشاطان أو معلمان
    [few] تحركت { $count } أنشطة ومعالم
    [many] تحرك { $count } نشاطًا ومعلمًا
   *[other] تحرك { $count } نشاط ومعلم
}
review-comment-budget = الميزانية: { $amounts } { $currency } ({ $change })
review-comment-draws = المسحوب من مصادر التمويل: { $sources } { $currency }
review-comment-problems = المشكلات: { $introduced } جديدة، { $fixed } حُلَّت
review-comment-commits = { $commits_form ->
    [zero] لا إيداعات
    [one] إيداع واحد
    [two] إيداعان
    [few] { $commits } إيداعات
    [many] { $commits } إيداعًا
   *[other] { $commits } إيداع
} من { $authors_form ->
    [zero] لا مؤلفين
    [one] مؤلف واحد
    [two] مؤلفَين
    [few] { $authors } مؤلفين
    [many] { $authors } مؤلفًا
   *[other] { $authors } مؤلف
}
review-comment-all-changes = كل التغييرات

## Conflicts of a merge

review-conflicts = { $count_form ->
    [zero] لا تعارضات
    [one] تعارض واحد
    [two] تعارضان
    [few] { $count } تعارضات
    [many] { $count } تعارضًا
   *[other] { $count } تعارض
}
review-conflict-field = حقل
review-conflict-delete-modify = حذف/تعديل
review-conflict-add-add = إضافة/إضافة
review-conflict-semantic = دلالي
review-conflict-rename-rename = إعادة تسمية/إعادة تسمية
review-conflict-present = موجود
review-conflict-absent = غير موجود
review-conflict-deleted = محذوف
review-conflict-added = مضاف
review-conflict-unchanged = دون تغيير
review-conflict-changed = عُدِّل { $fields }
review-conflict-kept = (المعتمَدة)
review-merging = دمج { $label }: { $count_form ->
    [zero] لا تعارضات
    [one] تعارض واحد
    [two] تعارضان
    [few] { $count } تعارضات
    [many] { $count } تعارضًا
   *[other] { $count } تعارض
}
review-merge-none-left = لم يبق أي تعارض: شغِّل `khutta merge --continue`
review-merge-driver = khutta: { $count_form ->
    [zero] لا تعارضات
    [one] تعارض واحد
    [two] تعارضان
    [few] { $count } تعارضات
    [many] { $count } تعارضًا
   *[other] { $count } تعارض
} في { $path } (يُبقي الملف قيمك في مواضعها):
review-merge-driver-replayed = khutta: { $count_form ->
    [zero] لا تعارضات
    [one] تعارض واحد
    [two] تعارضان
    [few] { $count } تعارضات
    [many] { $count } تعارضًا
   *[other] { $count } تعارض
} في { $path } أثناء إعادة تطبيق إيداعك (يُبقي الملف قيم الإيداع الذي يُعاد تطبيقه، أي قيمك؛ و«theirs» أدناه ما تُعيد التأسيس عليه):
review-merge-driver-stashed = khutta: { $count_form ->
    [zero] لا تعارضات
    [one] تعارض واحد
    [two] تعارضان
    [few] { $count } تعارضات
    [many] { $count } تعارضًا
   *[other] { $count } تعارض
} في { $path } (يُبقي الملف قيمك المخبّأة؛ و«theirs» أدناه ما أُودع في الأثناء):
# ما العمل في تعارض دلالي.
review-conflict-hint = تلميح: { $hint }
