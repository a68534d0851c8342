# مخرجات الأوامر: schedule وlog وsync وcommit وinit وgit-setup وblame وbaseline وfmt وmerge.
