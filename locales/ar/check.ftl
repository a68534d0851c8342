# تشخيصات `khutta check` وشاشة المشكلات: رسالة وتلميح لكل منها.

## القيم: المجالات والرموز واستعمال الأنواع كما يُقصد بها.
check-progress-range = نسبة الإنجاز {$progress}%، ومداها من 0 إلى 100
check-progress-range-hint = اكتب نسبة مئوية بعدد صحيح بين 0 و100
check-negative-line = بند ميزانية بمبلغ سالب: {$amount}
check-negative-line-hint = بنود الميزانية تكاليف؛ سجّل الوفر بتخفيض البند
check-unknown-calendar = يشير `calendar` إلى التقويم `{$calendar}` الذي لا يعرّفه plan.ron
check-unknown-calendar-hint = أضف التقويم إلى `calendars` في plan.ron، أو احذف الحقل لاستعمال تقويم البلد
check-no-lead = لا شريك رئيسيًّا للنشاط `{$id}`
check-no-lead-hint = اجعل `lead` الشريكَ المسؤول عن هذا النشاط
check-done-unfinished = النشاط `{$id}` منجز لكن نسبة إنجازه {$progress}%
check-done-unfinished-hint = اجعل نسبة الإنجاز 100، أو غيّر الحالة
check-planned-progress = النشاط `{$id}` مخطط له (لم يبدأ) لكن نسبة إنجازه {$progress}%
check-planned-progress-hint = اجعل الحالة InProgress، أو نسبة الإنجاز 0
check-negative-amount = المبلغ {$amount} سالب
check-negative-amount-hint = اكتب المبلغ الذي تقدّمه الجهة المموّلة
check-milestone-duration = { $days_form ->
    [one] للمعلم `{$id}` مدة يوم عمل واحد
    [two] للمعلم `{$id}` مدة يومَي عمل
    [few] للمعلم `{$id}` مدة {$days} أيام عمل
    [many] للمعلم `{$id}` مدة {$days} يومَ عمل
    *[other] للمعلم `{$id}` مدة {$days} يوم عمل
}
check-milestone-duration-hint = المعلم نقطة في الزمن: استعمل `Duration(days: 0)`، أو اجعله Task
check-milestone-span = يمتد المعلم `{$id}` من {$start} إلى {$end}
check-milestone-span-hint = المعلم نقطة في الزمن: اجعل بدايته ونهايته يومًا واحدًا، أو اجعله Task
check-group-dates = للمجموعة `{$id}` تواريخ خاصة بها
check-group-dates-hint = المجموعة تمتد على أنشطتها الفرعية: اكتب `timing: Span`
check-span-not-group = `{$id}` ليس مجموعة، فلا يمكن أن يمتد على أنشطة فرعية
check-span-not-group-hint = أعطه توقيت `Fixed(start: ..., end: ...)` أو `Duration(days: ...)`، أو اجعله Group
check-parent-not-group = النشاط الأصل `{$parent}` من نوع {$kind}، وليس مجموعة
check-parent-not-group-hint = اجعل الأصل Group، أو اختر مجموعة أصلًا له
check-lag-range = للنشاط `{$id}` تأخير يزيد على 10,000 يوم عمل
check-lag-range-hint = التأخير والتقديم يُعدّان بأيام العمل؛ تحقّق من الرقم
check-empty-field = ليس في `{$field}` نص عربي ولا إنجليزي
check-empty-text-hint = اكتبه بلغة واحدة على الأقل: `(ar: "...", en: "...")`
check-bad-currency = `{$currency}` ليس رمز عملة وفق ISO 4217
check-bad-currency-hint = اكتب ثلاثة أحرف لاتينية كبيرة، مثل USD أو EUR أو EGP
check-bad-country = `{$country}` ليس رمز بلد وفق ISO 3166-1
check-bad-country-hint = اكتب حرفين لاتينيين كبيرين، مثل EG أو JO أو MA أو TN
check-bad-sdg-target = `{$target}` ليس غاية من غايات أهداف التنمية المستدامة
check-bad-sdg-target-hint = اكتب الهدف والغاية، مثل "11.3" أو "16.7"
check-bad-plan-id = `{$id}` ليس معرّف خطة صالحًا: {$reason}
check-bad-id-hint = المعرّفات كلمات لاتينية صغيرة موصولة بشرطات، مثل `{$example}`
check-plan-untitled = ليس للخطة عنوان
check-bad-sdg-goal = لا يوجد هدف تنمية مستدامة رقمه {$goal}
check-bad-sdg-goal-hint = الأهداف مرقّمة من 1 إلى 17
check-calendar-twice = عُرِّف التقويم `{$calendar}` مرتين
check-calendar-twice-hint = أعطِ أحدهما معرّفًا آخر
check-bad-calendar-id = `{$id}` ليس معرّف تقويم صالحًا: {$reason}
check-no-working-day = ليس في التقويم `{$calendar}` يوم عمل
check-no-working-day-hint = عطلة نهاية الأسبوع ستة أيام على الأكثر؛ وتُكتب عطلة الجمعة والسبت `[Fri, Sat]`
check-unknown-default-calendar = يشير `default_calendar` إلى التقويم `{$calendar}`، ولم يُعرَّف هذا التقويم
check-unknown-default-calendar-hint = أضفه إلى `calendars`، أو صحّح المعرّف

## المراجع والتواريخ والمال والحلقات.
check-noun-activity = النشاط
check-noun-partner = الشريك
check-noun-beneficiary = فئة المستفيدين
check-noun-funding = مصدر التمويل
check-dangling = يشير `{$field}` إلى {$noun} `{$id}`، ولا وجود لهذا المعرّف
check-dangling-near-hint = هل تقصد `{$near}`؟ وإلا فأنشئ {$path}
check-dangling-hint = صحّح المعرّف، أو أنشئ {$path}
check-ref-empty = لا يسمّي `{$field}` أي {$noun} بعد
check-ref-empty-hint = اختر {$noun} في `{$field}`
check-window-reversed = تنتهي فترة التخطيط ({$end}) قبل أن تبدأ ({$start})
check-swap-dates-hint = بدّل التاريخين، أو صحّح الخاطئ منهما
check-holiday-reversed = العطلة {$date} في التقويم `{$calendar}` تنتهي قبل أن تبدأ
check-holiday-reversed-hint = `until` آخر أيام العطلة، ويقع في `date` أو بعده
check-activity-reversed = ينتهي `{$id}` في {$end}، قبل أن يبدأ في {$start}
check-activity-reversed-hint = تاريخ النهاية آخر أيام النشاط، ويقع في تاريخ البداية أو بعده
check-starts-outside = يبدأ `{$id}` في {$date}، خارج فترة التخطيط من {$from} إلى {$to}
check-ends-outside = ينتهي `{$id}` في {$date}، خارج فترة التخطيط من {$from} إلى {$to}
check-not-before-outside = لا يجوز أن يبدأ `{$id}` قبل {$date}، وهذا التاريخ خارج فترة التخطيط من {$from} إلى {$to}
check-outside-window-hint = انقل التاريخ إلى داخل الفترة، أو وسّع الفترة في plan.ron
check-availability-reversed = يتاح `{$id}` حتى {$end}، قبل أن يصبح متاحًا في {$start}
check-no-rate = مبلغ بعملة {$currency}، لكن ليس في plan.ron سعر صرف من {$currency} إلى {$plan_currency}
check-no-rate-hint = أضف `ExchangeRate(currency: "{$currency}", rate: "...", date: "YYYY-MM-DD")` إلى `exchange_rates` في plan.ron
check-rate-not-positive = سعر صرف {$currency} هو {$rate}؛ ويجب أن يكون السعر موجبًا
check-rate-not-positive-hint = اكتب كم وحدة من عملة الخطة تساوي وحدة واحدة من هذه العملة
check-rate-range = سعر صرف {$currency} هو {$rate}، وهو أكبر مما يقبله khutta ({$max})
check-rate-range-hint = السعر هو عدد وحدات عملة الخطة التي تساويها وحدة واحدة من هذه العملة؛ تحقّق من أرقام زائدة
check-earmarked-elsewhere = بند ميزانية يسحب من `{$funding}`، وهو مخصص لأنشطة أخرى
check-earmarked-elsewhere-hint = موّل هذا البند من مصدر آخر، أو أضف `{$id}` إلى تخصيص `{$funding}`
check-over-allocated = تسحب بنود الميزانية {$drawn} {$currency} من `{$funding}`، ومبلغه {$amount} {$currency} (بزيادة {$excess} {$currency})
check-over-allocated-hint = انقل بعض بنود الميزانية إلى مصدر تمويل آخر، أو سجّل مبلغًا أكبر
check-dependency-cycle = حلقة اعتماديات: {$cycle}
check-dependency-cycle-hint = لا يمكن لنشاط أن ينتظر نفسه؛ احذف إحدى هذه الاعتماديات أو اعكسها
check-parent-cycle = حلقة أصول: {$cycle}
check-parent-cycle-hint = لا يمكن لمجموعة أن تحتوي نفسها؛ أعطِ أحد هذه الأنشطة أصلًا آخر

## جولات التشاور والردود.
check-plural-activity = الأنشطة
check-plural-partner = الشركاء
check-plural-beneficiary = فئات المستفيدين
check-plural-funding = مصادر التمويل
check-refers-missing = {$what} {$noun} `{$id}`، ولا وجود لهذا المعرّف
check-renamed-near-hint = هل تقصد `{$near}`؟ ربما أُعيدت تسميته أو حُذف
check-renamed-hint = ربما أُعيدت تسميته أو حُذف؛ صحّح المعرّف، أو أنشئ {$path}
check-empty-text = ليس في {$what} نص عربي ولا إنجليزي
check-bad-named-id = معرّف {$what} `{$id}` غير صالح: {$reason}
check-bad-question-id-hint = المعرّفات كلمات لاتينية صغيرة موصولة بشرطات، مثل `priorities` أو `q1`
check-what-round-title = عنوان الجولة
check-what-question = السؤال
check-what-question-id = السؤال `{$question}`
check-what-question-refers = يشير السؤال `{$question}` إلى
check-what-option-of = أحد خيارات `{$question}`
check-what-option = الخيار `{$option}` من السؤال `{$question}`
check-what-scale-label = تسمية من تسميات مقياس `{$question}`
check-what-organisation = الجهة `organisation` هي
check-what-answer-picks = تختار الإجابة عن `{$question}`
check-question-twice = لسؤالين المعرّف نفسه `{$question}`
check-question-twice-hint = أعطِ أحدهما معرّفًا آخر؛ فالإجابات مفهرسة بمعرّف السؤال
check-option-twice = في السؤال `{$question}` خياران لهما المعرّف `{$option}`
check-option-twice-hint = أعطِ أحدهما معرّفًا آخر؛ فالإجابات تسمّي الخيارات بمعرّفاتها
check-too-few-options = { $count_form ->
    [zero] ليس للسؤال `{$question}` ({$kind}) أي خيار، ويحتاج إلى خيارين على الأقل
    [one] للسؤال `{$question}` ({$kind}) خيار واحد، ويحتاج إلى خيارين على الأقل
   *[other] عدد خيارات السؤال `{$question}` ({$kind}) {$count}، ويحتاج إلى خيارين على الأقل
}
check-too-few-options-hint = أضف خيارات، أو اجعله سؤالًا نصيًّا حرًّا
check-bad-max-choices = { $max_form ->
    [zero] لا يسمح السؤال `{$question}` بأي اختيار
    [one] يسمح السؤال `{$question}` باختيار واحد
    [two] يسمح السؤال `{$question}` باختيارين
   *[other] يسمح السؤال `{$question}` باختيار {$max}
} من بين { $count_form ->
    [one] خيار واحد
    [two] خيارين
    [few] {$count} خيارات
    [many] {$count} خيارًا
   *[other] {$count} خيار
}
check-bad-max-choices-hint = اجعل `max` بين 1 وعدد الخيارات، أو احذفه ليكون بلا حد
check-zero-items = لا يسمح السؤال `{$question}` باختيار أي عنصر
check-zero-items-hint = اجعل `max` عدد العناصر التي يجوز للمشارك اختيارها (1 على الأقل)
check-no-candidates = يطلب السؤال `{$question}` اختيار {$items}، وليس في الخطة شيء منها
check-no-candidates-hint = أضفها إلى الخطة، أو سمِّ العناصر المرشحة في `refers_to`
check-organisation-unnamed = ليس للجهة اسم
check-organisation-unnamed-hint = اكتب اسم الجهة، أو `Partner("id")` لشريك من شركاء الخطة
check-answered-twice = سبق لهذا المشارك أن أجاب بالمعرّف `{$first}`: الاسم والجهة والبلد نفسها
check-answered-twice-hint = أبقِ أحد الردّين واحذف ملف الآخر (`{$first}.ron` أو هذا الملف)، أو صحّح الاسم إن كانا شخصين مختلفين
check-response-repeats = هذا الرد يكرر `{$first}`: بلا اسم، وبالجهة والبلد والدور والإجابات نفسها
check-response-repeats-hint = إن أُدخل مرتين فاحذف أحد الملفين؛ وإن أجاب شخصان بالمثل فلا حاجة إلى شيء

## الإجابات.
check-unknown-question = إجابة عن `{$question}`، وهو ليس سؤالًا في الجولة `{$round}`
check-unknown-question-hint = صحّح معرّف السؤال، أو احذف الإجابة (ربما أُعيدت تسمية السؤال أو حُذف)
check-several-answers = عدة إجابات عن `{$question}`، وهو سؤال ذو اختيار واحد
check-wrong-answer-kind = `{$question}` سؤال من نوع {$kind}، وأُجيب عنه بإجابة من نوع {$answer}
check-wrong-answer-kind-hint = أجب عنه بصيغة `{$expected}(...)`، أو غيّر نوع السؤال
check-unknown-option = `{$option}` ليس خيارًا من خيارات `{$question}`
check-unknown-option-hint = استعمل أحد الخيارات التالية: {$options}
check-too-many-choices = { $count_form ->
    [one] اختيار واحد لـ`{$question}`
    [two] اختياران لـ`{$question}`
    [few] {$count} اختيارات لـ`{$question}`
    [many] {$count} اختيارًا لـ`{$question}`
   *[other] {$count} اختيار لـ`{$question}`
}، وهو لا يسمح بأكثر من {$max}
check-too-many-choices-hint = أبقِ الاختيارات التي ذكرها المشارك أولًا، حتى الحد
check-rating-range = تقييم {$rating} لـ`{$question}`؛ والتقييمات من {$min} إلى {$max}
check-rating-range-hint = اكتب عددًا صحيحًا من {$min} إلى {$max}
check-not-a-candidate = `{$id}` ليس من {$items} التي يعرضها `{$question}`
check-not-a-candidate-hint = اختر من العناصر التي يسمّيها السؤال في `refers_to`
check-too-many-items = { $count_form ->
    [one] عنصر واحد مختار لـ`{$question}`
    [two] عنصران مختاران لـ`{$question}`
    [few] {$count} عناصر مختارة لـ`{$question}`
    [many] {$count} عنصرًا مختارًا لـ`{$question}`
   *[other] {$count} عنصر مختار لـ`{$question}`
}، وهو لا يسمح بأكثر من {$max}
check-too-many-items-hint = أبقِ العناصر التي ذكرها المشارك أولًا، حتى الحد
check-ranking-repeats = ترتيب `{$question}` يكرر {$repeated}
check-ranking-leaves-out = ترتيب `{$question}` يُغفل {$missing}
check-ranking-repeats-and-leaves-out = ترتيب `{$question}` يكرر {$repeated} ويُغفل {$missing}
check-ranking-hint = رتّب كل خيار مرة واحدة بالضبط: {$options}

## الملفات والمعرّفات، عند القراءة.
check-id-empty = لا يجوز أن يكون المعرّف فارغًا
check-id-too-long = لا يتجاوز طول المعرّف { $max_form ->
    [one] محرفًا واحدًا
    [two] محرفين
    [few] {$max} محارف
    [many] {$max} محرفًا
   *[other] {$max} محرف
}، وطول هذا المعرّف {$count}
check-id-bad-start = يبدأ المعرّف بحرف لاتيني صغير أو رقم، لا بـ{$char}
check-id-bad-char = لا يحوي المعرّف إلا a-z و0-9 و'-'، لا {$char}
check-bad-id = `{$id}` ليس معرّفًا صالحًا: {$reason}
check-bad-entity-id-hint = المعرّفات كلمات لاتينية صغيرة موصولة بشرطات، مثل `pilot-tunis-2`؛ غيّر اسم الملف والمعرّف معًا
check-bad-round-id-hint = المعرّفات كلمات لاتينية صغيرة موصولة بشرطات، مثل `egm-2021`؛ غيّر اسم المجلد والمعرّف معًا
check-bad-participant-id-hint = معرّفات المشاركين كلمات لاتينية صغيرة موصولة بشرطات، مثل `p001`؛ غيّر اسم الملف والمعرّف معًا
check-file-mismatch = يحوي `{$stem}.ron` {$noun} `{$id}` لا `{$stem}`: لم يُقرأ هذا الملف
check-file-mismatch-hint = يُقرأ كل عنصر من الملف المسمّى بمعرّفه: غيّر اسم الملف إلى `{$id}.ron`، أو غيّر المعرّف إلى اسم الملف
check-stray-file = `{$name}` ليس ملف .ron وليس جزءًا من الخطة
check-stray-file-hint = انقله خارج `{$dir}/`، أو أعطه الامتداد .ron إن كان ملف {$noun}
check-what-not-round-folder = `{$name}` (ليس مجلد جولة)
check-what-file = `{$name}`
check-stray-in-round = {$what} ليس جزءًا من الخطة
check-stray-in-round-hint = يحوي مجلد الجولة `{$round_file}` ومجلدًا `{$responses}/` فيه ملفات .ron؛ انقل كل ما سواهما خارج `{$consultations}/`
check-no-round = { $count_form ->
    [one] ملف رد واحد بلا `{$round_file}`: لم يُقرأ
    [two] ملفا رد بلا `{$round_file}`: لم يُقرآ
    [few] {$count} ملفات ردود بلا `{$round_file}`: لم تُقرأ
    [many] {$count} ملفًا من الردود بلا `{$round_file}`: لم تُقرأ
    *[other] {$count} ملف ردود بلا `{$round_file}`: لم تُقرأ
}
check-no-round-hint = استعد `{$round_file}` من git، أو انقل الردود إلى جولتها
check-round-folder-mismatch = معرّف الجولة `{$id}` يختلف عن اسم مجلدها `{$folder}`: لم تُقرأ الجولة ولا ردودها
check-round-folder-mismatch-hint = يُسمّى مجلد الجولة بمعرّفها؛ غيّر اسم المجلد أو المعرّف ليتطابقا
check-participant-file-mismatch = معرّف المشارك `{$id}` يختلف عن اسم الملف `{$stem}.ron`: لم يُقرأ هذا الرد
check-participant-file-mismatch-hint = يُسمّى ملف الرد بمعرّف المشارك؛ غيّر اسم الملف أو المعرّف

## قراءة ملف.
check-not-utf8 = الملف ليس بترميز UTF-8 صالح
check-not-utf8-at = الملف ليس بترميز UTF-8 صالح (البايت {$byte} عند الموضع {$offset})
check-not-utf8-hint = احفظ الملف بترميز UTF-8؛ يجب حفظ النص العربي بترميز UTF-8 لا Windows-1256 ولا ISO-8859-6
check-in-outer = {" "}في `{$outer}`
check-unknown-field = حقل غير معروف `{$found}`{$place}؛ الحقول المعروفة: {$expected}
check-unknown-field-hint = تحقّق من الإملاء؛ وإن كتبت هذا الحقلَ نسخةٌ أحدث من khutta فحدّث khutta بدل تعديل الملف، كي لا يضيع شيء
check-missing-field = الحقل `{$field}` مفقود{$place}
check-missing-field-hint = أضف `{$field}: ...`؛ يعرض `khutta check --help` صيغة الملفات
check-field-twice = الحقل `{$field}` مكرر{$place}
check-field-twice-hint = أبقِ أحدهما
check-unknown-variant = `{$found}` ليست قيمة صالحة{$place}؛ المتوقع واحدة من: {$expected}
check-unknown-variant-hint = استعمل إحدى القيم المذكورة كما كُتبت تمامًا
check-wrong-type = نوع خاطئ: {$detail}
check-wrong-type-hint = اكتب القيمة بالنوع الذي يتوقعه الحقل
check-early-end = ينتهي الملف قبل أوانه (هل هو مبتور؟)
check-early-end-hint = أغلق كل قوس مفتوح، أو استعد الملف من git
check-syntax = خطأ في الصياغة: {$detail}
check-syntax-hint = الملف ليس RON صالحًا؛ قارنه بمخرجات `khutta fmt` أو استعده بـ`git checkout -- FILE`
check-invalid-date = تاريخ غير صالح ({$detail})
check-invalid-date-hint = اكتب التواريخ بصيغة "YYYY-MM-DD" واستعمل يومًا موجودًا في التقويم
check-not-plan-file = ليس ملف خطة
check-format-newer = تستعمل هذه الخطة الصيغة {$format}؛ ونسخة khutta هذه تقرأ الصيغة {$supported} وما قبلها
check-format-newer-hint = حدّث khutta لفتح هذه الخطة؛ لم يُقرأ شيء، فلن يضيع شيء
check-unreadable = تعذّرت قراءة الملف: {$detail}
check-unreadable-hint = تحقّق من وجود الملف ومن أن لك إذنًا بقراءته
check-too-large = حجم الملف {$size} بايت، والحد الأقصى لحجم ملف الخطة {$max} بايت
check-too-large-hint = يحوي ملف الخطة عنصرًا واحدًا؛ قسّم المحتوى أو احذف الملف إن لم يكن من ملفات الخطة

## الجدولة.
check-conflict-fall = يقع
check-conflict-start = يبدأ
check-conflict-end = ينتهي
check-conflict-lag = { $days_form ->
    [one] {" "}بتأخير يوم عمل واحد
    [two] {" "}بتأخير يومَي عمل
    [few] {" "}بتأخير {$days} أيام عمل
    [many] {" "}بتأخير {$days} يومَ عمل
   *[other] {" "}بتأخير {$days} يوم عمل
}
check-conflict-lead = { $days_form ->
    [one] {" "}بتقديم يوم عمل واحد
    [two] {" "}بتقديم يومَي عمل
    [few] {" "}بتقديم {$days} أيام عمل
    [many] {" "}بتقديم {$days} يومَ عمل
   *[other] {" "}بتقديم {$days} يوم عمل
}
check-conflict-group-dependency = اعتمادية {$kind} لمجموعته `{$group}`
check-conflict-own-dependency = اعتماديته {$kind}
check-date-conflict = `{$activity}` مثبّت بحيث {$what} في {$fixed}، لكن {$whose} على `{$predecessor}`{$lag} لا تسمح بأبكر من {$earliest}: تعارض بمقدار { $days_form ->
    [one] يوم واحد
    [two] يومين
    [few] {$days} أيام
    [many] {$days} يومًا
   *[other] {$days} يوم
}
check-date-conflict-hint = أخّر التواريخ المثبّتة { $days_form ->
    [one] يومًا واحدًا
    [two] يومين
    [few] {$days} أيام
    [many] {$days} يومًا
   *[other] {$days} يوم
}، أو أنهِ `{$predecessor}` أبكر، أو غيّر الاعتمادية
check-group-cycle = حلقة اعتماديات عبر مجموعة: {$cycle}
check-group-cycle-hint = المجموعة تمتد على أنشطتها الفرعية: لا يجوز أن يعتمد نشاط على مجموعته، ولا مجموعة على أحد أعضائها

## طريقة طباعة التشخيص.
check-hint = تلميح: {$hint}

## أكثر شكاوى محلّل RON شيوعًا.
check-ron-integer = المتوقع عدد صحيح
check-ron-float = المتوقع عدد عشري
check-ron-boolean = المتوقع true أو false
check-ron-string = المتوقع نص بين علامتي تنصيص
check-ron-identifier = المتوقع اسم (معرّف)
check-ron-option = المتوقع Some(...) أو None
check-ron-unit = المتوقع ()
check-ron-open = المتوقع قوس فتح `{$bracket}`
check-ron-close = المتوقع قوس إغلاق `{$bracket}`
check-ron-comma = المتوقع فاصلة
check-ron-colon = المتوقع نقطتان
check-ron-string-end = المتوقع نهاية النص (علامة التنصيص الخاتمة)
check-ron-out-of-bounds = العدد خارج المدى المسموح
check-ron-trailing = محارف زائدة بعد نهاية القيمة
check-ron-unexpected-char = محرف غير متوقع {$char}
check-parser-says = قيمة غير صالحة: {$detail}
check-what-link = رابطًا رمزيًا
check-what-folder = مجلدًا
check-what-special = ملفًا خاصًا (أنبوبًا أو مقبسًا أو جهازًا)
check-what-regular-file = ملفًا
check-not-a-regular-file = ليس `plan.ron` ملفًا بل {$what}: لا يفتحه khutta
check-not-a-regular-file-hint = ضع ملف `plan.ron` الخاص بالخطة مكانه
check-stray-not-a-file = ليس `{$name}` ملف خطة بل {$what}: لا يفتحه khutta
check-what-not-a-file = `{$name}` ({$what})
check-folder-not-a-folder = ليس `{$name}` مجلدًا بل {$what}: لم يُقرأ شيء منه
check-folder-not-a-folder-hint = ضع مجلدًا من ملفات .ron مكان `{$name}`
check-comment = تعليق: لا تحمل ملفات الخطة تعليقات، إذ يُسقطها الحفظ أو الدمج التالي
check-comment-hint = انقل الملاحظة إلى حقل نصي (وصف أو ملاحظة) واحذف التعليق
check-conflict-markers = علامات تعارض من دمج سطري: دمج git هذا الملف سطرًا سطرًا
check-conflict-markers-hint = أبقِ أحد الجانبين بين `<<<<<<<` و`>>>>>>>` واحذف العلامات؛ ولكي يدمج khutta ملفات الخطة حقلًا حقلًا من الآن، شغّل `khutta git-setup` في هذه النسخة
check-renamed-two-ways = أُعيدت تسمية `{$from}` بطريقتين في دمج سطري: `{$ours}` هنا و`{$theirs}` في الجانب الآخر؛ فهو كيان واحد بمعرّفين
check-renamed-two-ways-hint = تخلَّ عن هذا الدمج (`git merge --abort`) وزامن بـ`khutta sync` الذي يعرض المعرّفين لتختار أحدهما؛ أو احذف `{$theirs}` وانقل الإشارات إليه إلى المعرّف الذي تبقيه
check-amount-range = المبلغ {$amount} يتجاوز ما تحمله خطة (ألف تريليون على الأكثر، موجبًا أو سالبًا)
check-amount-range-hint = صحّح المبلغ: زلّة في لوحة المفاتيح تزيد الأرقام
check-days-range = مدة {$days} يوم عمل تتجاوز أطول ما تحمله خطة ({$max})
check-days-range-hint = صحّح عدد أيام العمل

## governance.ron: من يحقّ له تغيير ماذا.
check-gov-unknown-partner = يسمّي `governance.ron` الشريك `{$partner}`، وليس في الخطة شريك بهذا المعرّف
check-gov-unknown-partner-hint = أضف ملف الشريك في مجلد partners/، أو صحّح المعرّف
check-gov-no-coordinator = لا يسمّي `governance.ron` أي منسّق، فلن يستطيع أحد تغيير القواعد
check-gov-no-coordinator-hint = اذكر شريكًا واحدًا على الأقل في `coordinators`
check-gov-person-twice = الشخص صاحب البريد `{$email}` مذكور مرتين في `governance.ron`
check-gov-person-twice-hint = أبقِ مدخلًا واحدًا لكل شخص، وضع فيه كل مفاتيحه
check-gov-bad-key = أحد مفاتيح {$name} ليس مفتاح SSH عامًّا: `{$key}`
check-gov-bad-key-hint = انسخ السطر كاملًا من ملف `.pub`، مثل `ssh-ed25519 AAAA... name`
check-gov-bad-pattern = نمط المعرّفات `{$pattern}` لا يطابق أي معرّف: {$char} ليس من حروف المعرّفات ولا `*` ولا `?`
check-gov-bad-pattern-hint = اكتب النمط بحروف لاتينية صغيرة وأرقام و`-`، مع `*` لأي تتابع من الحروف و`?` لحرف واحد
check-gov-bad-group = `{$group}` ليس مجموعة أنشطة، فلا يطابق هذا الإذن شيئًا
check-gov-bad-group-hint = سمِّ نشاطًا من نوع Group، ولا تستعمل `group` إلا في أذونات من نوع Activity
check-gov-unknown-field = لا حقل `{$field}` في {$noun} (حقولها: {$expected})
check-gov-unknown-field-hint = صحّح اسم الحقل، أو احذف `fields` لتأذن بكل الحقول
check-plural-round = جولات المشاورات
check-plural-response = الإجابات
check-gov-round-lead = لا يصحّ `lead: true` في إذن من نوع Round: لا شريك قائدًا للجولة، فلا يطابق الإذن شيئًا
check-gov-round-lead-hint = سمِّ الجولات بـ`ids`؛ أمّا `lead` فيقصر إذنًا من نوع Response على إجابات أفراد الشريك نفسه
