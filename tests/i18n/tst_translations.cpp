#include "createportfoliopage.h"
#include "domain/validation.h"
#include "session/translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>
#include <memory>

using namespace agentfolio;

namespace {

// One <message> of the committed German .ts file.
struct Message
{
    QString context;
    QString source;
    QString comment; // the disambiguation, if any: one source text may have several
    bool numerus = false;
    bool unfinished = false;
    QStringList forms; // the translation, or each numerus form
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message();
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            message.unfinished = type == QLatin1String("unfinished");
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.forms << xml.readElementText();
            } else {
                message.forms << xml.readElementText();
            }
            messages << message;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

// %1..%99, %L1 and %n, %Ln, in order of appearance, sorted: a translation may reorder them.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(?:\\d{1,2}|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

// Rich-text tags (<b>, </b>) and angle-bracket tokens such as <NAME>.
QStringList tags(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("<[^<>]+>"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

// The number of keyboard accelerators: '&' before anything but a space or another '&'.
int accelerators(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("&(?:&|(?=[^\\s]))"));
    int count = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        if (it.next().captured() == QLatin1String("&"))
            ++count;
    }
    return count;
}

QString translate(const Message &m, int n = -1)
{
    const QByteArray comment = m.comment.toUtf8();
    return QCoreApplication::translate(m.context.toUtf8().constData(),
                                       m.source.toUtf8().constData(),
                                       comment.isEmpty() ? nullptr : comment.constData(), n);
}

// Every text a user can see or hear on a widget tree: labels, buttons, titles, placeholders,
// tooltips and accessible names.
QStringList visibleTexts(const QWidget *root)
{
    QStringList texts;
    auto add = [&](const QString &text) {
        if (!text.isEmpty())
            texts << text;
    };
    for (const QWidget *w : root->findChildren<QWidget *>()) {
        add(w->toolTip());
        add(w->accessibleName());
        add(w->accessibleDescription());
        if (auto *label = qobject_cast<const QLabel *>(w))
            add(label->text());
        if (auto *button = qobject_cast<const QAbstractButton *>(w))
            add(button->text());
        if (auto *group = qobject_cast<const QGroupBox *>(w))
            add(group->title());
        if (auto *edit = qobject_cast<const QLineEdit *>(w))
            add(edit->placeholderText());
        if (auto *edit = qobject_cast<const QPlainTextEdit *>(w))
            add(edit->placeholderText());
    }
    return texts;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void untranslatedWithoutInstalling();
    void englishLocaleChangesNothing();
    void englishPluralForms_data();
    void englishPluralForms();
    void englishPluralsCoverEveryNumerusMessage();
    void germanTranslatesKnownStrings_data();
    void germanTranslatesKnownStrings();
    void germanValidationMessage();
    void germanNumerusForms();
    void regionalGermanFindsGerman_data();
    void regionalGermanFindsGerman();
    void translatorsAreChildrenOfTheApplication();
    void qtAndKeychainTranslations();
    void createPageInGerman();
    void createPageInEnglish();

    void everyMessageFinished();
    void translationKeepsFormat_data();
    void translationKeepsFormat();
    void compiledTranslationMatchesTs();

private:
    // The German translation of `source` in `context`, from the .ts file.
    QString german(const QString &context, const QString &source) const;
    // Texts of `contexts` whose German differs from the English.
    QMap<QString, QString> differing(const QStringList &contexts) const;

    QList<Message> m_messages;
};

void tst_Translations::initTestCase()
{
    QString error;
    m_messages = readTs(QStringLiteral(AGENTFOLIO_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Hundreds of strings; a handful means the file or the reader is broken.
    QVERIFY2(m_messages.size() > 300, qPrintable(QString::number(m_messages.size())));
}

void tst_Translations::cleanup()
{
    // Deleting a translator uninstalls it: every test starts from English.
    qDeleteAll(qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly));
}

QString tst_Translations::german(const QString &context, const QString &source) const
{
    for (const Message &m : m_messages) {
        if (m.context == context && m.source == source && !m.forms.isEmpty())
            return m.forms.first();
    }
    return QString();
}

QMap<QString, QString> tst_Translations::differing(const QStringList &contexts) const
{
    QMap<QString, QString> map;
    for (const Message &m : m_messages) {
        if (contexts.contains(m.context) && !m.numerus && m.forms.first() != m.source)
            map.insert(m.source, m.forms.first());
    }
    return map;
}

void tst_Translations::untranslatedWithoutInstalling()
{
    QCOMPARE(Validation::tr("Token name is required."), QStringLiteral("Token name is required."));
}

void tst_Translations::englishLocaleChangesNothing()
{
    installTranslations(*qApp, QLocale(QStringLiteral("en_US")));
    QCOMPARE(Validation::tr("Token name is required."), QStringLiteral("Token name is required."));
    QCOMPARE(CreatePortfolioPage::tr("&Create portfolio"), QStringLiteral("&Create portfolio"));
}

void tst_Translations::englishPluralForms_data()
{
    // English, and any language Agentfolio has no file for, shows the English source texts:
    // they take their plural forms from the English file.
    QTest::addColumn<QString>("locale");
    QTest::newRow("en_US") << QStringLiteral("en_US");
    QTest::newRow("en_GB") << QStringLiteral("en_GB");
    QTest::newRow("C") << QStringLiteral("C");
    QTest::newRow("fr_FR (no French file)") << QStringLiteral("fr_FR");
}

void tst_Translations::englishPluralForms()
{
    QFETCH(QString, locale);
    installTranslations(*qApp, QLocale(locale));
    const char *context = "agentfolio::MainWindow";
    const char *source = "Clipboard clears in %n second(s)";
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1),
             QStringLiteral("Clipboard clears in 1 second"));
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 30),
             QStringLiteral("Clipboard clears in 30 seconds"));
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 0),
             QStringLiteral("Clipboard clears in 0 seconds"));
    // Only the plural forms: every other text stays as written.
    QCOMPARE(Validation::tr("Token name is required."), QStringLiteral("Token name is required."));
    QCOMPARE(CreatePortfolioPage::tr("&Create portfolio"), QStringLiteral("&Create portfolio"));
}

void tst_Translations::englishPluralsCoverEveryNumerusMessage()
{
    QString error;
    const QList<Message> english = readTs(QStringLiteral(AGENTFOLIO_EN_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> numerus;
    for (const Message &m : std::as_const(m_messages)) {
        if (m.numerus)
            numerus.insert(m.context + QLatin1Char('|') + m.source);
    }
    QSet<QString> covered;
    for (const Message &m : english) {
        QVERIFY2(m.numerus, qPrintable(m.source));
        QCOMPARE(m.forms.size(), 2); // English: singular, plural
        for (const QString &form : m.forms)
            QVERIFY2(!form.contains(QLatin1String("(s)")), qPrintable(form));
        covered.insert(m.context + QLatin1Char('|') + m.source);
    }
    QVERIFY(!numerus.isEmpty());
    QCOMPARE(covered, numerus);
}

void tst_Translations::germanTranslatesKnownStrings_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::newRow("validation") << "Validation"
                                << "Token name is required.";
    QTest::newRow("api error") << "ApiError"
                               << "The server did not answer in time.";
    QTest::newRow("main window menu") << "agentfolio::MainWindow"
                                      << "&File";
    QTest::newRow("create page button") << "agentfolio::CreatePortfolioPage"
                                        << "&Create portfolio";
    QTest::newRow("tokens page") << "agentfolio::TokensPage"
                                 << "Refresh from eToro";
    QTest::newRow("command line") << "main"
                                  << "--sandbox and --profile exclude each other";
    QTest::newRow("index detail") << "agentfolio::PortfolioIndex"
                                  << "not a JSON object";
}

void tst_Translations::germanTranslatesKnownStrings()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    const QString expected = german(context, source);
    QVERIFY2(!expected.isEmpty(), "not in the .ts file");
    QVERIFY(expected != source);

    const QByteArray c = context.toUtf8();
    const QByteArray s = source.toUtf8();
    QCOMPARE(QCoreApplication::translate(c.constData(), s.constData()), source);
    installTranslations(*qApp, QLocale(QStringLiteral("de_DE")));
    QCOMPARE(QCoreApplication::translate(c.constData(), s.constData()), expected);
}

void tst_Translations::germanValidationMessage()
{
    // Through the real code path: the rule's own tr() call, in its own context.
    installTranslations(*qApp, QLocale(QStringLiteral("de_DE")));
    Problems problems;
    Validation::tokenName(QString(), &problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().message, QStringLiteral("Der Token-Name ist erforderlich."));
    QCOMPARE(fieldLabel(Field::PortfolioName), QStringLiteral("Portfolioname"));
}

void tst_Translations::germanNumerusForms()
{
    installTranslations(*qApp, QLocale(QStringLiteral("de_DE")));
    int checked = 0;
    for (const Message &m : std::as_const(m_messages)) {
        if (!m.numerus)
            continue;
        QCOMPARE(m.forms.size(), 2); // German: singular, plural
        for (int n : { 1, 0, 2, 5 }) {
            const QString form = m.forms.at(n == 1 ? 0 : 1);
            QCOMPARE(translate(m, n),
                     QString(form).replace(QLatin1String("%n"), QString::number(n)));
        }
        ++checked;
    }
    QVERIFY(checked > 0);
}

void tst_Translations::regionalGermanFindsGerman_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("Germany") << "de_DE";
    QTest::newRow("Austria") << "de_AT";
    QTest::newRow("Switzerland") << "de_CH";
}

void tst_Translations::regionalGermanFindsGerman()
{
    QFETCH(QString, locale);
    installTranslations(*qApp, QLocale(locale));
    QCOMPARE(Validation::tr("Token name is required."),
             german(QStringLiteral("Validation"), QStringLiteral("Token name is required.")));
}

void tst_Translations::translatorsAreChildrenOfTheApplication()
{
    installTranslations(*qApp, QLocale(QStringLiteral("de_DE")));
    const auto translators = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    QStringList files;
    for (const QTranslator *t : translators)
        files << t->filePath();
    QVERIFY2(files.contains(QStringLiteral(":/i18n/agentfolio_de.qm")),
             qPrintable(files.join(QLatin1Char(' '))));
    // Only what was found is kept: no empty translators.
    for (const QTranslator *t : translators)
        QVERIFY(!t->isEmpty());
}

void tst_Translations::qtAndKeychainTranslations()
{
    const QString qtbase = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    QString keychain;
    for (const QString &dir : keychainTranslationDirs()) {
        if (QFile::exists(dir + QStringLiteral("/qtkeychain_de.qm"))) {
            keychain = dir;
            break;
        }
    }
    const bool haveQt = QFile::exists(qtbase + QStringLiteral("/qtbase_de.qm"));
    if (!haveQt && keychain.isEmpty())
        QSKIP("neither qtbase_de.qm (qt6-translations-l10n) nor qtkeychain_de.qm is installed");

    installTranslations(*qApp, QLocale(QStringLiteral("de_DE")));
    if (haveQt) {
        // Qt's standard button text, as QDialogButtonBox and QMessageBox use it.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                 QStringLiteral("Abbrechen"));
    }
    if (!keychain.isEmpty()) {
        const char *source = "Password not found";
        QVERIFY(QCoreApplication::translate("QKeychain::ReadPasswordJobPrivate", source)
                != QLatin1String(source));
    }
}

void tst_Translations::createPageInGerman()
{
    installTranslations(*qApp, QLocale(QStringLiteral("de_DE")));
    CreatePortfolioPage page;
    const QStringList texts = visibleTexts(&page);
    const auto map = differing({ QStringLiteral("agentfolio::CreatePortfolioPage"),
                                 QStringLiteral("agentfolio::IpListEdit"),
                                 QStringLiteral("Validation"), QStringLiteral("Scopes") });
    QVERIFY(!map.isEmpty());
    int german = 0;
    for (const QString &text : texts) {
        QVERIFY2(!map.contains(text), qPrintable(QStringLiteral("still English: ") + text));
        german += std::find(map.cbegin(), map.cend(), text) != map.cend() ? 1 : 0;
    }
    QVERIFY2(german >= 10, qPrintable(texts.join(QLatin1Char('|'))));
    auto *create = page.findChild<QAbstractButton *>(QStringLiteral("createButton"));
    QVERIFY(create);
    QCOMPARE(create->text(),
             this->german(QStringLiteral("agentfolio::CreatePortfolioPage"),
                          QStringLiteral("&Create portfolio")));
}

void tst_Translations::createPageInEnglish()
{
    installTranslations(*qApp, QLocale(QStringLiteral("en_US")));
    CreatePortfolioPage page;
    const QStringList texts = visibleTexts(&page);
    const auto map = differing({ QStringLiteral("agentfolio::CreatePortfolioPage"),
                                 QStringLiteral("agentfolio::IpListEdit"),
                                 QStringLiteral("Validation"), QStringLiteral("Scopes") });
    int english = 0;
    for (const QString &text : texts) {
        QVERIFY2(std::find(map.cbegin(), map.cend(), text) == map.cend(),
                 qPrintable(QStringLiteral("German under en_US: ") + text));
        english += map.contains(text) ? 1 : 0;
    }
    QVERIFY2(english >= 10, qPrintable(texts.join(QLatin1Char('|'))));
    auto *create = page.findChild<QAbstractButton *>(QStringLiteral("createButton"));
    QVERIFY(create);
    QCOMPARE(create->text(), QStringLiteral("&Create portfolio"));
}

void tst_Translations::everyMessageFinished()
{
    QStringList missing;
    for (const Message &m : std::as_const(m_messages)) {
        bool empty = m.forms.isEmpty();
        for (const QString &form : m.forms)
            empty = empty || form.isEmpty();
        if (m.unfinished || empty)
            missing << m.context + QStringLiteral(": ") + m.source;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
}

void tst_Translations::translationKeepsFormat_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("translation");
    for (int i = 0; i < m_messages.size(); ++i) {
        const Message &m = m_messages.at(i);
        for (int form = 0; form < m.forms.size(); ++form) {
            const QString tag = QStringLiteral("%1 %2/%3").arg(i).arg(m.context, m.source.left(50))
                + (m.numerus ? QStringLiteral(" [form %1]").arg(form) : QString());
            QTest::newRow(qPrintable(tag)) << m.source << m.forms.at(form);
        }
    }
}

void tst_Translations::translationKeepsFormat()
{
    QFETCH(QString, source);
    QFETCH(QString, translation);
    // Every argument the code fills in must have its place, or arg() drops text or warns.
    QCOMPARE(placeholders(translation), placeholders(source));
    QCOMPARE(tags(translation), tags(source));
    QCOMPARE(accelerators(translation), accelerators(source));
    // Pieces that are joined to others keep their surrounding spaces; "…" still announces
    // a dialog or a running action.
    QCOMPARE(translation.startsWith(QLatin1Char(' ')), source.startsWith(QLatin1Char(' ')));
    QCOMPARE(translation.endsWith(QLatin1Char(' ')), source.endsWith(QLatin1Char(' ')));
    QCOMPARE(translation.endsWith(QChar(0x2026)), source.endsWith(QChar(0x2026)));
    QCOMPARE(translation.count(QLatin1Char('\n')), source.count(QLatin1Char('\n')));
}

void tst_Translations::compiledTranslationMatchesTs()
{
    // The .qm in the binary is built from the .ts: a stale or missing build step shows here.
    // One installation for all messages (not a data row each), so the loading is logged once.
    installTranslations(*qApp, QLocale(QStringLiteral("de_DE")));
    QStringList wrong;
    for (const Message &m : std::as_const(m_messages)) {
        const QString expected = m.numerus
            ? QString(m.forms.at(1)).replace(QLatin1String("%n"), QStringLiteral("2"))
            : m.forms.first();
        const QString actual = m.numerus ? translate(m, 2) : translate(m);
        if (actual != expected)
            wrong << m.context + QStringLiteral(": ") + m.source + QStringLiteral(" -> ") + actual;
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
