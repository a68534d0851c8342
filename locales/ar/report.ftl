# التقرير بصيغة HTML (`khutta export html`): عناوينه وأعمدته ومفتاح الرموز، وأخطاء
# `khutta export`.

html-title = تقرير الخطة
html-gantt = مخطط غانت
report-activities = الأنشطة
html-budget = الميزانية والتمويل
report-consultations = نتائج المشاورات
report-plan-id = الخطة
report-window = فترة التخطيط
report-start = البدء
report-finish = الانتهاء
report-today = اليوم
report-critical-path = المسار الحرج
report-conflicts = تعارضات المواعيد
report-cycle = حلقة اعتماديات
report-legend-task = مهمة
report-legend-critical = حرج
report-legend-group = مجموعة
report-legend-milestone = معلم
report-legend-slack = فسحة
report-legend-link = اعتمادية
report-legend-today = اليوم
report-col-id = المعرّف
report-col-title = النشاط
report-col-lead = الجهة القائدة
report-col-start = البدء
report-col-finish = الانتهاء
report-col-days = أيام العمل
report-col-status = الحالة
report-col-slack = الفسحة
report-col-total = المجموع بعملة الخطة
report-col-by-currency = حسب العملة
report-budgeted = التكلفة المدرجة في الميزانية
report-secured = التمويل المضمون (ملتزم به، مصروف)
report-expected = التمويل المتوقع (قيد النقاش، متعهَّد به)
report-secured-share = نسبة الميزانية المضمونة
report-funding-sources = مصادر التمويل
report-no-funding = لا مصادر تمويل في الخطة.
report-col-source = المصدر
report-col-funder = الممول
report-col-amount = المبلغ
report-col-drawn = المسحوب لبنود الميزانية
report-col-left = المتبقي
report-col-lines = البنود
report-lines-of = بنود الميزانية الممولة من { $source }
html-unfunded = بنود ميزانية بلا مصدر تمويل
report-col-activity = النشاط
report-col-category = الفئة
report-no-consultations = لا جولات تشاور في الخطة.
export-cannot-write-hint = تحقق من وجود المجلد ومن أن لديك إذن الكتابة فيه
exchange-problems = { $count_form ->
    [zero] لا مشكلات في الملف
    [one] مشكلة واحدة في الملف
    [two] مشكلتان في الملف
    [few] { $count } مشكلات في الملف
    [many] { $count } مشكلةً في الملف
   *[other] { $count } مشكلة في الملف
}
