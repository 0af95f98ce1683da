#include "createportfoliopage.h"

#include "domain/scopes.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <ctime>

using namespace agentfolio;

Q_DECLARE_METATYPE(agentfolio::CreatePortfolioRequest)

class tst_CreatePortfolioPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaults();
    void keyboardOnlyFillAndEnter();
    void enterInEverySingleLineFieldSubmits_data();
    void enterInEverySingleLineFieldSubmits();
    void enterInIpLineAddsWithoutSubmitting();
    void ipListByKeyboard();
    void untouchedFieldsShowNothing();
    void invalidFieldShowsCoreMessage_data();
    void invalidFieldShowsCoreMessage();
    void attemptedSubmitShowsEveryProblem();
    void nameCounter_data();
    void nameCounter();
    void expiryShowsUtc();
    void expiryIsJudgedAtThePress();
    void draftRoundTrip();
    void oncePerPressWhileReceiverSetsBusy();
    void neverWhileBusy();
    void setBusyDisablesInputs();
    void showServerProblem();
    void serverProblemIsPlainText();
    void everyInputIsNamedAndExplained();

private:
    template<typename T = QWidget>
    T *find(const char *name) const
    {
        auto *widget = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    static QWidget *focused() { return QApplication::focusWidget(); }
    static QString focusedName() { return focused() ? focused()->objectName() : QString(); }
    // Keys go where the user's keys would: the focus widget, else the window.
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) const
    {
        QTest::keyClick(focused() ? focused() : m_page, Qt::Key(key), modifiers);
    }
    void type(const QString &text) const { QTest::keyClicks(focused() ? focused() : m_page, text); }
    QPushButton *createButton() const { return find<QPushButton>("createButton"); }
    static QList<QWidget *> inputsOf(QWidget *root);

    CreatePortfolioPage *m_page = nullptr;
};

namespace {

const QDateTime Now(QDate(2026, 1, 15), QTime(12, 0, 0), Qt::UTC);

CreatePortfolioDraft validDraft()
{
    CreatePortfolioDraft draft;
    draft.investmentAmount = QStringLiteral("2,000");
    draft.portfolioName = QStringLiteral("MyPort1");
    draft.tokenName = QStringLiteral("my-trading-token");
    draft.scopeIds = { 200, 202 };
    draft.ipsWhitelist = { QStringLiteral("192.168.1.1") };
    draft.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::UTC);
    draft.description = QStringLiteral("My trading portfolio");
    return draft;
}

QStringList messagesOf(const Problems &problems)
{
    QStringList messages;
    for (const Problem &problem : problems)
        messages.append(problem.message);
    return messages;
}

bool hasWarningSign(const QWidget *problemBox)
{
    const auto labels = problemBox->findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(),
                       [](const QLabel *label) { return !label->pixmap().isNull(); });
}

} // namespace

QList<QWidget *> tst_CreatePortfolioPage::inputsOf(QWidget *root)
{
    QList<QWidget *> inputs;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!qobject_cast<QLineEdit *>(widget) && !qobject_cast<QAbstractButton *>(widget)
            && !qobject_cast<QAbstractSpinBox *>(widget) && !qobject_cast<QPlainTextEdit *>(widget)
            && !qobject_cast<QListWidget *>(widget) && !qobject_cast<QComboBox *>(widget))
            continue;
        // A spin box's own line edit and calendar popup, a line edit's clear button: parts of
        // one input, which carries the name for all of them.
        bool part = false;
        for (QWidget *up = widget->parentWidget(); up && up != root; up = up->parentWidget())
            part = part || qobject_cast<QAbstractSpinBox *>(up) || qobject_cast<QLineEdit *>(up);
        if (!part)
            inputs.append(widget);
    }
    return inputs;
}

void tst_CreatePortfolioPage::initTestCase()
{
    // A fixed zone (+05:30, no DST) and a fixed locale, so local time and amounts are known.
    qputenv("TZ", "Asia/Kolkata");
    tzset();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    qRegisterMetaType<CreatePortfolioRequest>();
}

void tst_CreatePortfolioPage::init()
{
    m_page = new CreatePortfolioPage;
    m_page->setNow([] { return Now; });
    m_page->resize(900, 640);
    m_page->show();
    QApplication::setActiveWindow(m_page);
    QVERIFY(QTest::qWaitForWindowActive(m_page));
}

void tst_CreatePortfolioPage::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void tst_CreatePortfolioPage::defaults()
{
    // The API's example scopes: real read and real write.
    for (int id : Scopes::all())
        QCOMPARE(find<QCheckBox>(qPrintable(QStringLiteral("scope%1").arg(id)))->isChecked(),
                 Scopes::defaults().contains(id));
    QCOMPARE(find<QCheckBox>("scope202")->text(), QStringLiteral("Real account: trade (202)"));
    QVERIFY(find<QCheckBox>("neverExpires")->isChecked());
    QVERIFY(!find<QDateTimeEdit>("expiresAt")->isEnabled());
    QVERIFY(!createButton()->isEnabled());
    QVERIFY(!m_page->isValid());
    QCOMPARE(find<QLineEdit>("investmentAmount")->placeholderText(), QStringLiteral("2,000.00"));
    QCOMPARE(find<QLabel>("amountNote")->text(),
             QStringLiteral("Deducted from your real eToro account balance."));
    QVERIFY(find<QLabel>("amountNote")->isVisible());
    QCOMPARE(find<QLabel>("nameCounter")->text(), QStringLiteral("0 / 10"));
    QVERIFY(!find<QProgressBar>("busyIndicator")->isVisible());
    QCOMPARE(m_page->draft().scopeIds, Scopes::defaults());
    QVERIFY(!m_page->draft().expiresAt);
}

void tst_CreatePortfolioPage::keyboardOnlyFillAndEnter()
{
    QSignalSpy requested(m_page, &CreatePortfolioPage::createRequested);
    m_page->setFocus();
    QCOMPARE(focusedName(), QStringLiteral("investmentAmount"));
    type(QStringLiteral("2,000.50"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("portfolioName"));
    type(QStringLiteral("MyPort1"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("tokenName"));
    type(QStringLiteral("my-trading-token"));
    // Scopes in id order; keep 200 and 202, add 203.
    for (int id : Scopes::all()) {
        press(Qt::Key_Tab);
        QCOMPARE(focusedName(), QStringLiteral("scope%1").arg(id));
    }
    press(Qt::Key_Space);
    QVERIFY(find<QCheckBox>("scope203")->isChecked());
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("ipEntry"));
    type(QStringLiteral("192.168.1.1"));
    press(Qt::Key_Return);
    type(QStringLiteral(" 10.0.0.9 "));
    press(Qt::Key_Return);
    QCOMPARE(find<QListWidget>("ipList")->count(), 2);
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("ipAdd"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("ipList"));
    // Take the second address off again, by keyboard.
    press(Qt::Key_End);
    press(Qt::Key_Delete);
    QCOMPARE(find<QListWidget>("ipList")->count(), 1);
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("ipRemove"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("neverExpires"));
    press(Qt::Key_Space);
    QVERIFY(!find<QCheckBox>("neverExpires")->isChecked());
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("expiresAt"));
    // Local time, Asia/Kolkata: 18:29:59 UTC. Digits only: QDateTimeEdit moves to the next
    // section by itself once one is full.
    type(QStringLiteral("20261231235959"));
    QCOMPARE(find<QLabel>("expiresAtUtc")->text(), QStringLiteral("= 2026-12-31 18:29:59 UTC"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("description"));
    type(QStringLiteral("My trading portfolio"));
    press(Qt::Key_Tab); // the description passes Tab on
    QCOMPARE(focusedName(), QStringLiteral("createButton"));

    QCOMPARE(requested.count(), 0); // nothing so far, not even the Enters in the IP line
    QVERIFY(m_page->isValid());
    QVERIFY(createButton()->isEnabled());
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 1);

    CreatePortfolioRequest expected;
    expected.investment = Money::fromCents(200050);
    expected.portfolioName = QStringLiteral("MyPort1");
    expected.tokenName = QStringLiteral("my-trading-token");
    expected.scopeIds = { 200, 202, 203 };
    expected.ipsWhitelist = { QStringLiteral("192.168.1.1") };
    expected.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(18, 29, 59), Qt::UTC);
    expected.description = QStringLiteral("My trading portfolio");
    const auto got = requested.first().first().value<CreatePortfolioRequest>();
    QCOMPARE(got.investment.cents(), expected.investment.cents());
    QCOMPARE(got.scopeIds, expected.scopeIds);
    QCOMPARE(got.ipsWhitelist, expected.ipsWhitelist);
    QCOMPARE(Validation::formatExpiry(*got.expiresAt), QStringLiteral("2026-12-31T18:29:59Z"));
    QVERIFY(got == expected);
}

void tst_CreatePortfolioPage::enterInEverySingleLineFieldSubmits_data()
{
    QTest::addColumn<QString>("widget");
    QTest::newRow("amount") << "investmentAmount";
    QTest::newRow("name") << "portfolioName";
    QTest::newRow("token") << "tokenName";
    QTest::newRow("scope check box") << "scope201";
    QTest::newRow("never expires") << "neverExpires";
    QTest::newRow("expiry") << "expiresAt";
    QTest::newRow("keypad Enter in name") << "portfolioName";
}

void tst_CreatePortfolioPage::enterInEverySingleLineFieldSubmits()
{
    QFETCH(QString, widget);
    m_page->setDraft(validDraft());
    QSignalSpy requested(m_page, &CreatePortfolioPage::createRequested);
    auto *target = m_page->findChild<QWidget *>(widget);
    QVERIFY(target);
    QVERIFY(target->isEnabled());
    target->setFocus();
    QCOMPARE(focused(), target);
    if (QByteArray(QTest::currentDataTag()).startsWith("keypad"))
        press(Qt::Key_Enter, Qt::KeypadModifier);
    else
        press(Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    const auto got = requested.first().first().value<CreatePortfolioRequest>();
    QCOMPARE(got.portfolioName, QStringLiteral("MyPort1"));
}

void tst_CreatePortfolioPage::enterInIpLineAddsWithoutSubmitting()
{
    m_page->setDraft(validDraft());
    QSignalSpy requested(m_page, &CreatePortfolioPage::createRequested);
    auto *list = find<QListWidget>("ipList");
    find<QLineEdit>("ipEntry")->setFocus();

    type(QStringLiteral("10.0.0.1"));
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 0);
    QCOMPARE(list->count(), 2);
    QVERIFY(find<QLineEdit>("ipEntry")->text().isEmpty());

    // A duplicate is not listed twice.
    type(QStringLiteral("10.0.0.1"));
    press(Qt::Key_Enter);
    QCOMPARE(list->count(), 2);

    // An invalid address is refused, with the core's message at the field, and it keeps
    // Create disabled: the typed address would otherwise be sent, or silently dropped.
    type(QStringLiteral("1.2.3.4/24"));
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 0);
    QCOMPARE(list->count(), 2);
    QCOMPARE(find<QLineEdit>("ipEntry")->text(), QStringLiteral("1.2.3.4/24"));
    Problems expected;
    Validation::ipAllowList({ QStringLiteral("1.2.3.4/24") }, &expected);
    QCOMPARE(m_page->shownProblems(Field::IpAllowList), messagesOf(expected));
    QVERIFY(find<QWidget>("problem_ipsWhitelist")->isVisible());
    QVERIFY(!createButton()->isEnabled());

    // Editing it hides the message until the user is done again; clearing it makes the form valid.
    press(Qt::Key_Backspace);
    QVERIFY(m_page->shownProblems(Field::IpAllowList).isEmpty());
    find<QLineEdit>("ipEntry")->clear();
    QVERIFY(createButton()->isEnabled());
    QCOMPARE(requested.count(), 0);
}

void tst_CreatePortfolioPage::ipListByKeyboard()
{
    CreatePortfolioDraft draft = validDraft();
    draft.ipsWhitelist = { QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.2"),
                           QStringLiteral("10.0.0.3") };
    m_page->setDraft(draft);
    auto *list = find<QListWidget>("ipList");
    list->setFocus();
    press(Qt::Key_Home);
    press(Qt::Key_Down);
    press(Qt::Key_Delete);
    QCOMPARE(m_page->draft().ipsWhitelist,
             (QStringList { QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.3") }));
    // The next entry is current, so Delete again keeps going.
    press(Qt::Key_Delete);
    QCOMPARE(m_page->draft().ipsWhitelist, QStringList { QStringLiteral("10.0.0.1") });
    // Enter in the list does not submit.
    QSignalSpy requested(m_page, &CreatePortfolioPage::createRequested);
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 0);
    // The Remove button works by keyboard too.
    list->setCurrentRow(0);
    find<QPushButton>("ipRemove")->setFocus();
    press(Qt::Key_Space);
    QVERIFY(m_page->draft().ipsWhitelist.isEmpty());

    // A full list refuses the next address with the core's message.
    QStringList full;
    for (int i = 0; i < Validation::MaxIpEntries; ++i)
        full.append(QStringLiteral("10.1.%1.%2").arg(i / 200).arg(i % 200));
    draft.ipsWhitelist = full;
    m_page->setDraft(draft);
    QVERIFY(m_page->isValid());
    find<QLineEdit>("ipEntry")->setFocus();
    type(QStringLiteral("10.2.0.1"));
    press(Qt::Key_Return);
    QCOMPARE(list->count(), Validation::MaxIpEntries);
    Problems expected;
    Validation::ipAllowList(full + QStringList { QStringLiteral("10.2.0.1") }, &expected);
    QCOMPARE(m_page->shownProblems(Field::IpAllowList), messagesOf(expected));
    QVERIFY(!createButton()->isEnabled());
}

void tst_CreatePortfolioPage::untouchedFieldsShowNothing()
{
    // Everything required is empty, but nobody has typed yet: no messages, Create disabled.
    for (Field field :
         { Field::InvestmentAmount, Field::PortfolioName, Field::TokenName, Field::Scopes,
           Field::IpAllowList, Field::ExpiresAt, Field::Description, Field::None })
        QVERIFY2(m_page->shownProblems(field).isEmpty(), qPrintable(fieldLabel(field)));
    QVERIFY(!createButton()->isEnabled());

    // Typing in one field shows that field's problem only.
    find<QLineEdit>("portfolioName")->setFocus();
    type(QStringLiteral("abc"));
    QCOMPARE(m_page->shownProblems(Field::PortfolioName).size(), 1);
    QVERIFY(m_page->shownProblems(Field::InvestmentAmount).isEmpty());
    QVERIFY(m_page->shownProblems(Field::TokenName).isEmpty());
}

void tst_CreatePortfolioPage::invalidFieldShowsCoreMessage_data()
{
    QTest::addColumn<QString>("widget"); // where to type; a check box is toggled
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("field");
    QTest::addColumn<QStringList>("messages");

    const auto amount = [](const char *text) {
        Problems problems;
        Validation::amountText(QString::fromUtf8(text), QLocale(), &problems);
        return messagesOf(problems);
    };
    const auto name = [](const QString &text) {
        Problems problems;
        Validation::portfolioName(text, &problems);
        return messagesOf(problems);
    };
    const auto amountField = int(Field::InvestmentAmount);
    QTest::newRow("amount empty") << "investmentAmount"
                                  << "" << amountField << amount("");
    QTest::newRow("amount zero") << "investmentAmount"
                                 << "0" << amountField << amount("0");
    QTest::newRow("amount negative") << "investmentAmount"
                                     << "-1" << amountField << amount("-1");
    QTest::newRow("amount sub-cent") << "investmentAmount"
                                     << "2000.005" << amountField << amount("2000.005");
    QTest::newRow("amount words") << "investmentAmount"
                                  << "lots" << amountField << amount("lots");
    QTest::newRow("amount too large")
        << "investmentAmount"
        << "100,000,000,000.01" << amountField << amount("100,000,000,000.01");
    QTest::newRow("name 5") << "portfolioName"
                            << "Abcde" << int(Field::PortfolioName)
                            << name(QStringLiteral("Abcde"));
    QTest::newRow("name 11") << "portfolioName"
                             << "Abcdefghijk" << int(Field::PortfolioName)
                             << name(QStringLiteral("Abcdefghijk"));
    QTest::newRow("name empty") << "portfolioName"
                                << "" << int(Field::PortfolioName) << name(QString());
    {
        Problems problems;
        Validation::tokenName(QString(), &problems);
        QTest::newRow("token blank") << "tokenName"
                                     << "   " << int(Field::TokenName) << messagesOf(problems);
    }
    {
        Problems problems;
        Validation::scopes({}, &problems);
        QTest::newRow("no scope") << "scope200"
                                  << "scope202" << int(Field::Scopes) << messagesOf(problems);
    }
    {
        Problems problems;
        Validation::ipAllowList({ QStringLiteral("01.2.3.4") }, &problems);
        QTest::newRow("ip leading zero")
            << "ipEntry"
            << "01.2.3.4" << int(Field::IpAllowList) << messagesOf(problems);
    }
    {
        Problems problems;
        Validation::expiry(Now.addSecs(-60), Now, &problems);
        QTest::newRow("expiry past")
            << "expiresAt"
            << "20260115172900" << int(Field::ExpiresAt) << messagesOf(problems);
        QTest::newRow("expiry exactly now")
            << "expiresAt"
            << "20260115173000" << int(Field::ExpiresAt) << messagesOf(problems);
    }
}

void tst_CreatePortfolioPage::invalidFieldShowsCoreMessage()
{
    QFETCH(QString, widget);
    QFETCH(QString, text);
    QFETCH(int, field);
    QFETCH(QStringList, messages);

    QVERIFY(!messages.isEmpty());
    m_page->setDraft(validDraft());
    QVERIFY(m_page->isValid());
    QVERIFY(createButton()->isEnabled());

    auto *target = m_page->findChild<QWidget *>(widget);
    QVERIFY(target);
    target->setFocus();
    if (auto *box = qobject_cast<QCheckBox *>(target)) {
        // Both default scopes off, by keyboard.
        press(Qt::Key_Space);
        m_page->findChild<QWidget *>(text)->setFocus();
        press(Qt::Key_Space);
        QVERIFY(!box->isChecked());
    } else if (qobject_cast<QDateTimeEdit *>(target)) {
        target->setFocus(Qt::TabFocusReason); // selects the first section, as Tab does
        type(text);
    } else {
        press(Qt::Key_A, Qt::ControlModifier);
        press(Qt::Key_Backspace);
        type(text);
        if (widget == QLatin1String("ipEntry"))
            press(Qt::Key_Return); // the user is done with the address
    }

    QCOMPARE(m_page->shownProblems(Field(field)), messages);
    const QString box = QStringLiteral("problem_%1").arg(fieldJsonName(Field(field)));
    QVERIFY(find<QWidget>(qPrintable(box))->isVisible());
    // With its warning sign, looked up when the box first showed.
    QVERIFY(hasWarningSign(find<QWidget>(qPrintable(box))));
    QVERIFY(!m_page->isValid());
    QVERIFY(!createButton()->isEnabled());
    // The input tells a screen reader what is wrong with it.
    QVERIFY2(target->accessibleDescription().contains(messages.first()),
             qPrintable(target->accessibleDescription()));

    // Enter does not submit an invalid form.
    QSignalSpy requested(m_page, &CreatePortfolioPage::createRequested);
    find<QLineEdit>("tokenName")->setFocus();
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 0);
}

void tst_CreatePortfolioPage::attemptedSubmitShowsEveryProblem()
{
    QSignalSpy requested(m_page, &CreatePortfolioPage::createRequested);
    find<QLineEdit>("tokenName")->setFocus();
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 0);

    const auto result = Validation::validateCreate(m_page->draft(), Now, QLocale());
    QVERIFY(!result.ok());
    for (Field field : { Field::InvestmentAmount, Field::PortfolioName, Field::TokenName }) {
        Problems expected;
        for (const Problem &problem : result.problems) {
            if (problem.field == field)
                expected.append(problem);
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(m_page->shownProblems(field), messagesOf(expected));
    }
    // The keyboard user lands on the first field to fix.
    QCOMPARE(focusedName(), QStringLiteral("investmentAmount"));
}

void tst_CreatePortfolioPage::nameCounter_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("counter");

    const QString rocket = QStringLiteral("\U0001F680");
    QTest::newRow("seed example") << "MyPort1"
                                  << "7 / 10";
    QTest::newRow("eleven") << "Abcdefghijk"
                            << "11 / 10";
    QTest::newRow("emoji count once") << QString(rocket + rocket + rocket) << "3 / 10";
    QTest::newRow("surrounding spaces do not count") << "  abc  "
                                                     << "3 / 10";
}

void tst_CreatePortfolioPage::nameCounter()
{
    QFETCH(QString, name);
    QFETCH(QString, counter);
    auto *edit = find<QLineEdit>("portfolioName");
    edit->setFocus();
    // As an input method (or an emoji picker) commits text: whole code points at once.
    QInputMethodEvent commit;
    commit.setCommitString(name);
    QApplication::sendEvent(edit, &commit);
    QCOMPARE(edit->text(), name);
    QCOMPARE(find<QLabel>("nameCounter")->text(), counter);
}

void tst_CreatePortfolioPage::expiryShowsUtc()
{
    auto *never = find<QCheckBox>("neverExpires");
    auto *edit = find<QDateTimeEdit>("expiresAt");
    never->setFocus();
    press(Qt::Key_Space);
    QVERIFY(edit->isEnabled());
    // A default in the future, so that unchecking alone does not make the form invalid there.
    QVERIFY(m_page->draft().expiresAt.value() > Now);

    edit->setDateTime(QDateTime(QDate(2026, 7, 1), QTime(5, 30, 15), Qt::LocalTime));
    QCOMPARE(find<QLabel>("expiresAtUtc")->text(), QStringLiteral("= 2026-07-01 00:00:15 UTC"));
    QCOMPARE(Validation::formatExpiry(*m_page->draft().expiresAt),
             QStringLiteral("2026-07-01T00:00:15Z"));

    // A restored UTC value is shown in local time.
    CreatePortfolioDraft draft = validDraft();
    m_page->setDraft(draft);
    QCOMPARE(edit->dateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             QStringLiteral("2027-01-01 05:29:59"));
    QCOMPARE(find<QLabel>("expiresAtUtc")->text(), QStringLiteral("= 2026-12-31 23:59:59 UTC"));

    // Never again: nothing is sent.
    never->setFocus();
    press(Qt::Key_Space);
    QVERIFY(!edit->isEnabled());
    QVERIFY(!m_page->draft().expiresAt);
    QVERIFY(find<QLabel>("expiresAtUtc")->text().isEmpty());
}

void tst_CreatePortfolioPage::expiryIsJudgedAtThePress()
{
    // Valid when typed; by the time Create is pressed, that moment has passed.
    QDateTime now = Now;
    m_page->setNow([&now] { return now; });
    CreatePortfolioDraft draft = validDraft();
    draft.expiresAt = Now.addSecs(30);
    m_page->setDraft(draft);
    QVERIFY(m_page->isValid());
    now = Now.addSecs(60);
    QSignalSpy requested(m_page, &CreatePortfolioPage::createRequested);
    find<QLineEdit>("tokenName")->setFocus();
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 0);
    QCOMPARE(m_page->shownProblems(Field::ExpiresAt).size(), 1);
    QVERIFY(!createButton()->isEnabled());
}

void tst_CreatePortfolioPage::draftRoundTrip()
{
    CreatePortfolioDraft draft = validDraft();
    draft.scopeIds = { 201, 203 };
    draft.ipsWhitelist = { QStringLiteral("10.0.0.1"), QStringLiteral("bad") };
    draft.description = QStringLiteral("two\nlines");
    QSignalSpy changed(m_page, &CreatePortfolioPage::draftChanged);
    m_page->setDraft(draft);
    QCOMPARE(changed.count(), 1);
    const CreatePortfolioDraft back = m_page->draft();
    QCOMPARE(back.investmentAmount, draft.investmentAmount);
    QCOMPARE(back.portfolioName, draft.portfolioName);
    QCOMPARE(back.tokenName, draft.tokenName);
    QCOMPARE(back.scopeIds, draft.scopeIds);
    QCOMPARE(back.ipsWhitelist, draft.ipsWhitelist);
    QCOMPARE(back.expiresAt, draft.expiresAt); // the same instant, shown in local time
    QCOMPARE(back.description, draft.description);
    // A restored invalid entry is shown at once.
    QVERIFY(!m_page->isValid());
    QCOMPARE(m_page->shownProblems(Field::IpAllowList).size(), 1);
    // ...and marked in the list, so it can be found among many.
    auto *list = find<QListWidget>("ipList");
    QVERIFY(list->item(0)->icon().isNull());
    QVERIFY(!list->item(1)->icon().isNull());
    QCOMPARE(list->item(1)->toolTip(), m_page->shownProblems(Field::IpAllowList).first());

    find<QLineEdit>("tokenName")->setFocus();
    type(QStringLiteral("x"));
    QCOMPARE(changed.count(), 2);
}

void tst_CreatePortfolioPage::oncePerPressWhileReceiverSetsBusy()
{
    m_page->setDraft(validDraft());
    QSignalSpy requested(m_page, &CreatePortfolioPage::createRequested);
    // The lead's receiver: marks the page busy while the request runs.
    connect(m_page, &CreatePortfolioPage::createRequested, m_page,
            [this] { m_page->setBusy(true, QStringLiteral("Creating the portfolio")); });

    // Two presses queued in the name field before the first was handled...
    auto *name = find<QLineEdit>("portfolioName");
    name->setFocus();
    QTest::keyClick(name, Qt::Key_Return);
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    // ...and one more wherever the focus went when the form was disabled.
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 1);

    m_page->setBusy(false);
    QVERIFY(createButton()->isEnabled());
    QTest::mouseClick(createButton(), Qt::LeftButton);
    QTest::mouseClick(createButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 2);

    // Once per press also when the receiver does not set busy.
    m_page->setBusy(false);
    QObject::disconnect(m_page, &CreatePortfolioPage::createRequested, m_page, nullptr);
    find<QLineEdit>("portfolioName")->setFocus();
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 3);
    QTest::mouseClick(createButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 4);
}

void tst_CreatePortfolioPage::neverWhileBusy()
{
    m_page->setDraft(validDraft());
    find<QLineEdit>("portfolioName")->setFocus();
    m_page->setBusy(true);
    QSignalSpy requested(m_page, &CreatePortfolioPage::createRequested);
    QTest::keyClick(m_page, Qt::Key_Return);
    createButton()->click();
    QTest::mouseClick(createButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 0);
}

void tst_CreatePortfolioPage::setBusyDisablesInputs()
{
    m_page->setDraft(validDraft());
    auto *name = find<QLineEdit>("portfolioName");
    name->setFocus();
    m_page->setBusy(true, QStringLiteral("Creating the portfolio"));

    const auto inputs = inputsOf(m_page);
    QVERIFY(inputs.size() >= 14);
    for (QWidget *input : inputs)
        QVERIFY2(!input->isEnabled(), qPrintable(input->objectName()));
    QVERIFY(!createButton()->isEnabled());
    QVERIFY(find<QProgressBar>("busyIndicator")->isVisible());
    QCOMPARE(find<QLabel>("status")->text(), QStringLiteral("Creating the portfolio"));
    QVERIFY(find<QLabel>("status")->isVisible());

    m_page->setBusy(false);
    QVERIFY(!find<QProgressBar>("busyIndicator")->isVisible());
    QVERIFY(!find<QLabel>("status")->isVisible());
    QVERIFY(createButton()->isEnabled());
    for (QWidget *input : inputs) {
        if (input->objectName() == QLatin1String("ipRemove"))
            continue; // enabled only with something to remove
        QVERIFY2(input->isEnabled(), qPrintable(input->objectName()));
    }
    // The keyboard user is back where they were.
    QCOMPARE(focused(), name);
}

void tst_CreatePortfolioPage::showServerProblem()
{
    m_page->setDraft(validDraft());
    const QString taken = QStringLiteral("Agent-portfolio name already exists");
    m_page->showServerProblem(Field::PortfolioName, taken);
    QCOMPARE(m_page->shownProblems(Field::PortfolioName), QStringList { taken });
    QCOMPARE(find<QLabel>("problemText_agentPortfolioName")->text(), taken);
    QVERIFY(find<QWidget>("problem_agentPortfolioName")->isVisible());
    QVERIFY(m_page->shownProblems(Field::TokenName).isEmpty());

    const QString general = QStringLiteral("The server is not available (HTTP 503).");
    m_page->showServerProblem(Field::None, general);
    QCOMPARE(m_page->shownProblems(Field::None), QStringList { general });
    QVERIFY(find<QWidget>("problem_general")->isVisible());
    QVERIFY(hasWarningSign(find<QWidget>("problem_general")));
    // A server problem does not block a retry.
    QVERIFY(createButton()->isEnabled());

    // Editing the field makes the server's verdict on it stale.
    find<QLineEdit>("portfolioName")->setFocus();
    type(QStringLiteral("2"));
    QVERIFY(m_page->shownProblems(Field::PortfolioName).isEmpty());
    QCOMPARE(m_page->shownProblems(Field::None), QStringList { general });

    m_page->showServerProblem(Field::TokenName, QStringLiteral("Token name already exists"));
    m_page->clearServerProblems();
    QVERIFY(m_page->shownProblems(Field::TokenName).isEmpty());
    QVERIFY(m_page->shownProblems(Field::None).isEmpty());
    QVERIFY(!find<QWidget>("problem_general")->isVisible());
}

void tst_CreatePortfolioPage::serverProblemIsPlainText()
{
    // Server text is shown as text, never interpreted as markup.
    m_page->showServerProblem(Field::None, QStringLiteral("<b>bold</b> <a href=\"x\">link</a>"));
    QCOMPARE(find<QLabel>("problemText_general")->textFormat(), Qt::PlainText);
    for (QLabel *label : m_page->findChildren<QLabel *>()) {
        if (label->objectName().startsWith(QLatin1String("problemText_")))
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
    }
}

void tst_CreatePortfolioPage::everyInputIsNamedAndExplained()
{
    // Open the calendar-capable parts too, so nothing is created lazily after the walk.
    m_page->setDraft(validDraft());
    const auto inputs = inputsOf(m_page);
    QVERIFY(inputs.size() >= 14);
    QList<QWidget *> buddies;
    for (QLabel *label : m_page->findChildren<QLabel *>()) {
        if (label->buddy())
            buddies.append(label->buddy());
    }
    for (QWidget *input : inputs) {
        const QByteArray what =
            input->metaObject()->className() + QByteArray(" ") + input->objectName().toUtf8();
        QVERIFY2(!input->accessibleName().isEmpty(), what.constData());
        QVERIFY2(!input->toolTip().isEmpty(), what.constData());
        QVERIFY2(input->focusPolicy() & Qt::TabFocus, what.constData());
        // Text inputs are labelled by a QLabel that focuses them.
        if (qobject_cast<QLineEdit *>(input) || qobject_cast<QPlainTextEdit *>(input)
            || qobject_cast<QDateTimeEdit *>(input))
            QVERIFY2(buddies.contains(input), what.constData());
    }
}

QTEST_MAIN(tst_CreatePortfolioPage)
#include "tst_createportfoliopage.moc"
