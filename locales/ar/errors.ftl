# الأخطاء: أخطاء المستودع والتخزين والتعديلات والقيم المكتوبة في النماذج، مع تلميحاتها.

# نص هو أصلًا بلغة القارئ.
said-plain = {$text}
# كيف يبلّغ الأمر عن خطأ، على مجرى الأخطاء.
error-line = خطأ: {$message}
error-hint = تلميح: {$hint}

## مجلد الخطة.
store-not-a-plan = `{$path}` ليس خطة khutta: ليس فيه plan.ron
store-io = {$path}: {$detail}
store-serialize = تعذّرت كتابة {$path} بصيغة RON: {$detail}
store-meta-unreadable = تعذّرت قراءة plan.ron؛ أصلحه قبل الحفظ كي لا يضيع شيء منه
store-round-not-saved = جولة التشاور `{$round}` لم تُحفظ بعد (لا يوجد {$path})

## الخطة في git.
repo-not-a-repository = `{$path}` ليس داخل مستودع git
repo-not-a-repository-hint = أنشئ مستودعًا بـ`khutta init DIR --from PLAN`
repo-not-set-up = هذا المستودع غير مهيّأ لـkhutta
repo-not-set-up-hint = شغّل `khutta git-setup` في نسخة من مستودع خطة؛ ولبدء مستودع من هذه الخطة شغّل `khutta init DIR --from PLAN`
repo-no-identity = لا يعرف git من أنت: لم يُضبط user.name وuser.email
repo-no-identity-hint = اضبطهما مرة واحدة: git config --global user.name "Your Name" && git config --global user.email you@example.org
repo-nothing-to-commit = لا شيء للإيداع: ملفات الخطة كما كانت في آخر إيداع
repo-already-a-plan = في `{$path}` خطة من قبل
repo-already-a-plan-hint = اختر مجلدًا فارغًا أو جديدًا
repo-no-plan-at = لا خطة في {$rev}
repo-no-such-revision = `{$rev}` ليس إيداعًا ولا فرعًا ولا وسمًا في هذا المستودع
repo-revision-unreadable = {$rev}: {$path}:{$line}:{$col}: {$problem}
repo-merge-in-progress = دمج جارٍ: حُلّ تعارضاته، أو ألغِه
repo-merge-in-progress-hint = اعرضها بـ`khutta merge`، وحُلّ كلًّا منها بـ`khutta merge --take ours|theirs N` أو في الواجهة، ثم `khutta merge --continue`؛ أو `khutta merge --abort`
repo-no-merge = لا دمج جاريًا
repo-conflicts-left = { $count_form ->
    [one] بقي تعارض واحد لم يُحلّ
    [two] بقي تعارضان لم يُحلّا
    [few] بقيت {$count} تعارضات لم تُحلّ
    [many] بقي {$count} تعارضًا لم تُحلّ
    *[other] بقي {$count} تعارض لم تُحلّ
}
repo-cannot-resolve = تعذّر الحل: {$detail}
repo-file-conflicts = تعارض في ملفات خارج الخطة: {$files}
repo-file-conflicts-hint = ادمج هذه الملفات بـgit نفسه (git merge)، ثم زامن من جديد
repo-uncommitted = في الخطة تغييرات لم تُودَع
repo-uncommitted-hint = أودِعها أولًا: khutta commit -m "ما الذي تغيّر"
repo-detached-head = HEAD ليس على فرع، فلا شيء للمزامنة
repo-no-remote = لا يوجد مستودع بعيد باسم `{$remote}`
repo-no-remote-hint = أضف واحدًا: git remote add origin URL
repo-network = تعذّر الوصول إلى `{$remote}`: {$detail}
repo-network-hint = لم يضع شيء: إيداعاتك ما زالت هنا؛ زامن من جديد حين يصبح المستودع البعيد متاحًا
repo-auth = رفض `{$remote}`: {$detail}
repo-auth-hint = أضف مفتاحك إلى ssh-agent (ssh-add)، أو اضبط مساعد اعتماد git لهذا المضيف؛ لا يخزّن khutta أي اعتماد
repo-rejected = رفض الخادم تحديث {$refname}: {$detail}
repo-rejected-hint = لم يضع شيء؛ اسأل القائمين على المستودع عن قاعدة الخادم
repo-push-raced = تغيّر المستودع البعيد أثناء الدفع
repo-remote-keeps-moving = ظل `{$remote}` يتغيّر أثناء دفع khutta؛ حاول بعد قليل
repo-io = {$path}: {$detail}
repo-git = git: {$detail}
repo-baseline-exists = يوجد خط أساس باسم `{$name}` من قبل
repo-baseline-exists-hint = اختر اسمًا آخر، أو استبدله بـ`khutta baseline {$name} --force`
repo-bad-baseline-name = لا يصلح `{$name}` اسمًا لخط أساس
repo-bad-baseline-name-hint = استعمل الحروف والأرقام والنقاط والشرطات والخطوط المائلة، مثل `2026-q1` أو `donor/approved`
repo-no-such-activity = لا يوجد نشاط `{$id}` في {$rev}
repo-no-such-activity-hint = النشاط الذي أُعيدت تسميته بعدها يُتتبَّع بمعرّفه الجديد؛ ويسرد `khutta log --activity ID` إيداعاته
repo-no-such-field = ليس للأنشطة حقل `{$field}`؛ حقولها: {$known}
