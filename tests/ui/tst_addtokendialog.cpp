#include "addtokendialog.h"

#include "domain/scopes.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <ctime>

using namespace agentfolio;

Q_DECLARE_METATYPE(agentfolio::AddTokenRequest)

namespace {

const QDateTime Now(QDate(2026, 1, 15), QTime(12, 0, 0), Qt::UTC);

QStringList messagesOf(const Problems &problems)
{
    QStringList messages;
    for (const Problem &problem : problems)
        messages.append(problem.message);
    return messages;
}

} // namespace

class tst_AddTokenDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaults();
    void keyboardOnlyFill();
    void enterInAFieldConfirms_data();
    void enterInAFieldConfirms();
    void invalidInputsKeepAddDisabled_data();
    void invalidInputsKeepAddDisabled();
    void enterOnAnInvalidFormShowsEveryProblem();
    void expiryShowsUtc();
    void staysOpenUntilTheCallerAccepts();
    void oncePerPressWhileReceiverSetsBusy();
    void showServerProblem_data();
    void showServerProblem();
    void setBusyDisables();
    void everyInputIsNamed();

private:
    template<typename T = QWidget>
    T *find(const char *name) const
    {
        auto *widget = m_dialog->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }
    static QWidget *focused() { return QApplication::focusWidget(); }
    static QString focusedName() { return focused() ? focused()->objectName() : QString(); }
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) const
    {
        QTest::keyClick(focused() ? focused() : m_dialog, Qt::Key(key), modifiers);
    }
    void type(const QString &text) const
    {
        QTest::keyClicks(focused() ? focused() : m_dialog, text);
    }
    QPushButton *addButton() const { return find<QPushButton>("addToken"); }
    // A valid form: name typed, default scopes, no addresses, never expires.
    void fillValid() const
    {
        find<QLineEdit>("tokenName")->setFocus();
        type(QStringLiteral("my-token"));
    }
    static QList<QWidget *> inputsOf(QWidget *root);

    AddTokenDialog *m_dialog = nullptr;
};

QList<QWidget *> tst_AddTokenDialog::inputsOf(QWidget *root)
{
    QList<QWidget *> inputs;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!qobject_cast<QLineEdit *>(widget) && !qobject_cast<QAbstractButton *>(widget)
            && !qobject_cast<QAbstractSpinBox *>(widget) && !qobject_cast<QListWidget *>(widget))
            continue;
        // A spin box's own line edit, a line edit's clear button: parts of one input.
        bool part = false;
        for (QWidget *up = widget->parentWidget(); up && up != root; up = up->parentWidget())
            part = part || qobject_cast<QAbstractSpinBox *>(up) || qobject_cast<QLineEdit *>(up);
        if (!part)
            inputs.append(widget);
    }
    return inputs;
}

void tst_AddTokenDialog::initTestCase()
{
    // A fixed zone (+05:30, no DST), so local time is known.
    qputenv("TZ", "Asia/Kolkata");
    tzset();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    qRegisterMetaType<AddTokenRequest>();
}

void tst_AddTokenDialog::init()
{
    m_dialog = new AddTokenDialog(QStringLiteral("MyPort1"));
    m_dialog->setNow([] { return Now; });
    m_dialog->show();
    QApplication::setActiveWindow(m_dialog);
    QVERIFY(QTest::qWaitForWindowActive(m_dialog));
}

void tst_AddTokenDialog::cleanup()
{
    delete m_dialog;
    m_dialog = nullptr;
}

void tst_AddTokenDialog::defaults()
{
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Add a token to MyPort1"));
    QCOMPARE(m_dialog->portfolioName(), QStringLiteral("MyPort1"));
    for (int id : Scopes::all()) {
        auto *box = find<QCheckBox>(qPrintable(QStringLiteral("scope%1").arg(id)));
        QCOMPARE(box->isChecked(), Scopes::defaults().contains(id));
        QCOMPARE(box->text(), QStringLiteral("%1 (%2)").arg(Scopes::displayName(id)).arg(id));
    }
    QCOMPARE(find<QCheckBox>("scope200")->text(), QStringLiteral("Real account: read (200)"));
    QVERIFY(find<QCheckBox>("neverExpires")->isChecked());
    QVERIFY(!find<QDateTimeEdit>("expiresAt")->isEnabled());
    QVERIFY(!addButton()->isEnabled());
    QCOMPARE(addButton()->text(), QStringLiteral("&Add token"));
    QVERIFY(!m_dialog->isValid());
    QCOMPARE(focusedName(), QStringLiteral("tokenName"));
    QCOMPARE(m_dialog->draft().scopeIds, Scopes::defaults());
    QVERIFY(!m_dialog->draft().expiresAt);
    // Nobody has typed yet: nothing to complain about.
    for (Field field :
         { Field::TokenName, Field::Scopes, Field::IpAllowList, Field::ExpiresAt, Field::None })
        QVERIFY(m_dialog->shownProblems(field).isEmpty());
}

void tst_AddTokenDialog::keyboardOnlyFill()
{
    QSignalSpy requested(m_dialog, &AddTokenDialog::addRequested);
    QCOMPARE(focusedName(), QStringLiteral("tokenName"));
    type(QStringLiteral("  my-token "));
    for (int id : Scopes::all()) {
        press(Qt::Key_Tab);
        QCOMPARE(focusedName(), QStringLiteral("scope%1").arg(id));
    }
    press(Qt::Key_Space); // 203 on
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("ipEntry"));
    type(QStringLiteral("192.168.1.1"));
    press(Qt::Key_Return);
    type(QStringLiteral(" 10.0.0.1 "));
    press(Qt::Key_Return);
    type(QStringLiteral("10.0.0.9"));
    press(Qt::Key_Return);
    QCOMPARE(find<QListWidget>("ipList")->count(), 3);
    QCOMPARE(requested.count(), 0); // Enter in the address line adds, nothing more
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("ipAdd"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("ipList"));
    press(Qt::Key_End);
    press(Qt::Key_Delete); // 10.0.0.9 off again
    QCOMPARE(find<QListWidget>("ipList")->count(), 2);
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("ipRemove"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("neverExpires"));
    press(Qt::Key_Space);
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("expiresAt"));
    // Local time, Asia/Kolkata: 18:29:59 UTC.
    type(QStringLiteral("2026-12-31 23:59:59"));
    QCOMPARE(find<QLabel>("expiresAtUtc")->text(), QStringLiteral("= 2026-12-31 18:29:59 UTC"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("addToken"));
    QVERIFY(addButton()->isEnabled());
    QCOMPARE(requested.count(), 0);
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 1);

    AddTokenRequest expected;
    expected.tokenName = QStringLiteral("my-token");
    expected.scopeIds = { 200, 202, 203 };
    expected.ipsWhitelist = { QStringLiteral("192.168.1.1"), QStringLiteral("10.0.0.1") };
    expected.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(18, 29, 59), Qt::UTC);
    const auto got = requested.first().first().value<AddTokenRequest>();
    QCOMPARE(got.tokenName, expected.tokenName);
    QCOMPARE(got.scopeIds, expected.scopeIds);
    QCOMPARE(got.ipsWhitelist, expected.ipsWhitelist);
    QCOMPARE(Validation::formatExpiry(*got.expiresAt), QStringLiteral("2026-12-31T18:29:59Z"));
    QVERIFY(got == expected);
    QVERIFY(m_dialog->request() == expected);
    // The dialog waits for the caller.
    QVERIFY(m_dialog->isVisible());
}

void tst_AddTokenDialog::enterInAFieldConfirms_data()
{
    QTest::addColumn<QString>("widget");
    QTest::newRow("token name") << "tokenName";
    QTest::newRow("scope check box") << "scope201";
    QTest::newRow("never expires") << "neverExpires";
    QTest::newRow("keypad Enter in token name") << "tokenName";
}

void tst_AddTokenDialog::enterInAFieldConfirms()
{
    QFETCH(QString, widget);
    fillValid();
    QSignalSpy requested(m_dialog, &AddTokenDialog::addRequested);
    auto *target = m_dialog->findChild<QWidget *>(widget);
    QVERIFY(target);
    target->setFocus();
    QCOMPARE(focused(), target);
    if (QByteArray(QTest::currentDataTag()).startsWith("keypad"))
        press(Qt::Key_Enter, Qt::KeypadModifier);
    else
        press(Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().value<AddTokenRequest>().tokenName,
             QStringLiteral("my-token"));
}

void tst_AddTokenDialog::invalidInputsKeepAddDisabled_data()
{
    QTest::addColumn<QString>("widget"); // where to type; check boxes are toggled
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("field");
    QTest::addColumn<QStringList>("messages");

    {
        Problems problems;
        Validation::tokenName(QStringLiteral("   "), &problems);
        QTest::newRow("blank name") << "tokenName"
                                    << "   " << int(Field::TokenName) << messagesOf(problems);
    }
    {
        Problems problems;
        Validation::tokenName(QStringLiteral("a\u0007b"), &problems);
        QTest::newRow("control character") << "tokenName" << QStringLiteral("a\u0007b")
                                           << int(Field::TokenName) << messagesOf(problems);
    }
    {
        Problems problems;
        Validation::scopes({}, &problems);
        QTest::newRow("no scope") << "scope200"
                                  << "scope202" << int(Field::Scopes) << messagesOf(problems);
    }
    for (const char *address : { "01.2.3.4", "1.2.3.4/24", "::1", "example.com" }) {
        Problems problems;
        Validation::ipAllowList({ QString::fromLatin1(address) }, &problems);
        QTest::addRow("ip %s", address) << "ipEntry" << QString::fromLatin1(address)
                                        << int(Field::IpAllowList) << messagesOf(problems);
    }
    {
        Problems problems;
        Validation::expiry(Now.addSecs(-60), Now, &problems);
        QTest::newRow("expiry past")
            << "expiresAt"
            << "2026-01-15 17:29:00" << int(Field::ExpiresAt) << messagesOf(problems);
        QTest::newRow("expiry exactly now")
            << "expiresAt"
            << "2026-01-15 17:30:00" << int(Field::ExpiresAt) << messagesOf(problems);
    }
}

void tst_AddTokenDialog::invalidInputsKeepAddDisabled()
{
    QFETCH(QString, widget);
    QFETCH(QString, text);
    QFETCH(int, field);
    QFETCH(QStringList, messages);

    QVERIFY(!messages.isEmpty());
    fillValid();
    QVERIFY(m_dialog->isValid());
    QVERIFY(addButton()->isEnabled());

    auto *target = m_dialog->findChild<QWidget *>(widget);
    QVERIFY(target);
    if (widget == QLatin1String("expiresAt")) {
        find<QCheckBox>("neverExpires")->setFocus();
        press(Qt::Key_Space);
        QVERIFY(m_dialog->isValid()); // the default expiry is in the future
    }
    target->setFocus();
    if (auto *box = qobject_cast<QCheckBox *>(target)) {
        // Both default scopes off, by keyboard.
        press(Qt::Key_Space);
        m_dialog->findChild<QWidget *>(text)->setFocus();
        press(Qt::Key_Space);
        QVERIFY(!box->isChecked());
    } else if (text.contains(QChar(0x7))) {
        // A control character cannot be typed; it arrives by paste.
        qobject_cast<QLineEdit *>(target)->setText(text);
    } else {
        press(Qt::Key_A, Qt::ControlModifier);
        press(Qt::Key_Backspace);
        type(text);
        if (widget == QLatin1String("ipEntry"))
            press(Qt::Key_Return); // the user is done with the address
    }

    QCOMPARE(m_dialog->shownProblems(Field(field)), messages);
    const QString box = QStringLiteral("problem_%1").arg(fieldJsonName(Field(field)));
    QVERIFY(find<QWidget>(qPrintable(box))->isVisible());
    QVERIFY(!m_dialog->isValid());
    QVERIFY(!addButton()->isEnabled());
    QVERIFY(m_dialog->request() == AddTokenRequest());
    // The input tells a screen reader what is wrong with it.
    QVERIFY2(target->accessibleDescription().contains(messages.first()),
             qPrintable(target->accessibleDescription()));
    // Enter does not confirm an invalid form.
    QSignalSpy requested(m_dialog, &AddTokenDialog::addRequested);
    find<QCheckBox>("scope201")->setFocus();
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 0);
    QVERIFY(m_dialog->isVisible());
}

void tst_AddTokenDialog::enterOnAnInvalidFormShowsEveryProblem()
{
    // Untouched and empty: no message yet. Enter says what is missing and goes there.
    find<QCheckBox>("scope201")->setFocus();
    QVERIFY(m_dialog->shownProblems(Field::TokenName).isEmpty());
    QSignalSpy requested(m_dialog, &AddTokenDialog::addRequested);
    press(Qt::Key_Return);
    QCOMPARE(requested.count(), 0);
    Problems expected;
    Validation::tokenName(QString(), &expected);
    QCOMPARE(m_dialog->shownProblems(Field::TokenName), messagesOf(expected));
    QCOMPARE(focusedName(), QStringLiteral("tokenName"));
}

void tst_AddTokenDialog::expiryShowsUtc()
{
    auto *never = find<QCheckBox>("neverExpires");
    auto *edit = find<QDateTimeEdit>("expiresAt");
    fillValid();
    never->setFocus();
    press(Qt::Key_Space);
    QVERIFY(edit->isEnabled());
    // The default: 30 days ahead, end of the local day; valid at once.
    QCOMPARE(edit->dateTime(), QDateTime(QDate(2026, 2, 14), QTime(23, 59, 59), Qt::LocalTime));
    QVERIFY(m_dialog->isValid());
    edit->setDateTime(QDateTime(QDate(2026, 7, 1), QTime(5, 30, 15), Qt::LocalTime));
    QCOMPARE(find<QLabel>("expiresAtUtc")->text(), QStringLiteral("= 2026-07-01 00:00:15 UTC"));
    QCOMPARE(Validation::formatExpiry(*m_dialog->request().expiresAt),
             QStringLiteral("2026-07-01T00:00:15Z"));
    never->setFocus();
    press(Qt::Key_Space);
    QVERIFY(!edit->isEnabled());
    QVERIFY(!m_dialog->request().expiresAt);
    QVERIFY(find<QLabel>("expiresAtUtc")->text().isEmpty());
}

void tst_AddTokenDialog::staysOpenUntilTheCallerAccepts()
{
    fillValid();
    QSignalSpy requested(m_dialog, &AddTokenDialog::addRequested);
    QSignalSpy accepted(m_dialog, &QDialog::accepted);
    QTest::mouseClick(addButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(accepted.count(), 0);
    // The caller's request succeeded.
    m_dialog->accept();
    QCOMPARE(accepted.count(), 1);
    QVERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
}

void tst_AddTokenDialog::oncePerPressWhileReceiverSetsBusy()
{
    fillValid();
    QSignalSpy requested(m_dialog, &AddTokenDialog::addRequested);
    connect(m_dialog, &AddTokenDialog::addRequested, m_dialog,
            [this] { m_dialog->setBusy(true, QStringLiteral("Adding the token")); });
    auto *name = find<QLineEdit>("tokenName");
    name->setFocus();
    QTest::keyClick(name, Qt::Key_Return);
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    QTest::mouseClick(addButton(), Qt::LeftButton);
    addButton()->click();
    QCOMPARE(requested.count(), 1);

    m_dialog->setBusy(false);
    QObject::disconnect(m_dialog, &AddTokenDialog::addRequested, m_dialog, nullptr);
    QTest::mouseClick(addButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 2);
}

void tst_AddTokenDialog::showServerProblem_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("shownAt"); // problem box object name
    QTest::addColumn<QString>("focus"); // where the keyboard user lands
    QTest::addColumn<QString>("edit"); // editing this widget makes the problem stale

    QTest::newRow("409 duplicate name") << int(Field::TokenName) << "problem_userTokenName"
                                        << "tokenName"
                                        << "tokenName";
    QTest::newRow("403 scope not allowed") << int(Field::Scopes) << "problem_scopeIds"
                                           << "scope200"
                                           << "scope201";
    QTest::newRow("400 invalid IP") << int(Field::IpAllowList) << "problem_ipsWhitelist"
                                    << "ipEntry"
                                    << "ipEntry";
    QTest::newRow("429 quota: no field") << int(Field::None) << "problem_general"
                                         << "tokenName"
                                         << "";
    QTest::newRow("a field the dialog lacks") << int(Field::PortfolioName) << "problem_general"
                                              << "tokenName"
                                              << "";
}

void tst_AddTokenDialog::showServerProblem()
{
    QFETCH(int, field);
    QFETCH(QString, shownAt);
    QFETCH(QString, focus);
    QFETCH(QString, edit);

    fillValid();
    m_dialog->setBusy(true, QStringLiteral("Adding the token"));
    const QString message = QStringLiteral("<b>Server</b> says no (409).");
    m_dialog->showServerProblem(Field(field), message);
    const Field shownField =
        shownAt == QLatin1String("problem_general") ? Field::None : Field(field);
    QCOMPARE(m_dialog->shownProblems(shownField), QStringList { message });
    QVERIFY(find<QWidget>(qPrintable(shownAt))->isVisible());
    // Plain text, exactly as the server sent it.
    QLabel *text = find<QWidget>(qPrintable(shownAt))
                       ->findChild<QLabel *>(QString(shownAt).replace(
                           QStringLiteral("problem_"), QStringLiteral("problemText_")));
    QVERIFY(text);
    QCOMPARE(text->text(), message);
    QCOMPARE(text->textFormat(), Qt::PlainText);
    // Only there.
    for (Field other :
         { Field::TokenName, Field::Scopes, Field::IpAllowList, Field::ExpiresAt, Field::None }) {
        if (other != shownField)
            QVERIFY(m_dialog->shownProblems(other).isEmpty());
    }
    // The request is over: the form is usable again, and the keyboard is at the field.
    QVERIFY(!m_dialog->isBusy());
    QVERIFY(addButton()->isEnabled());
    QCOMPARE(focusedName(), focus);
    QVERIFY(m_dialog->isVisible());

    if (!edit.isEmpty()) {
        auto *target = m_dialog->findChild<QWidget *>(edit);
        target->setFocus();
        if (qobject_cast<QCheckBox *>(target))
            press(Qt::Key_Space);
        else
            type(QStringLiteral("2"));
        QVERIFY(m_dialog->shownProblems(shownField).isEmpty());
    }
    m_dialog->clearServerProblems();
    QVERIFY(!m_dialog->shownProblems(Field::None).contains(message));
    QVERIFY(!m_dialog->shownProblems(shownField).contains(message));
}

void tst_AddTokenDialog::setBusyDisables()
{
    fillValid();
    auto *name = find<QLineEdit>("tokenName");
    name->setFocus();
    m_dialog->setBusy(true, QStringLiteral("Adding the token"));
    QVERIFY(m_dialog->isBusy());
    const auto inputs = inputsOf(m_dialog);
    QVERIFY(inputs.size() >= 12);
    for (QWidget *input : inputs)
        QVERIFY2(!input->isEnabled(), qPrintable(input->objectName()));
    QVERIFY(find<QProgressBar>("busyIndicator")->isVisible());
    QCOMPARE(find<QLabel>("status")->text(), QStringLiteral("Adding the token"));
    QVERIFY(find<QLabel>("status")->isVisible());
    // The answer may carry the token's one-time secret: the dialog does not go away now.
    QTest::keyClick(m_dialog, Qt::Key_Escape);
    m_dialog->close();
    m_dialog->reject();
    QVERIFY(m_dialog->isVisible());

    m_dialog->setBusy(false);
    QVERIFY(!find<QProgressBar>("busyIndicator")->isVisible());
    QVERIFY(!find<QLabel>("status")->isVisible());
    for (QWidget *input : inputs) {
        if (input->objectName() == QLatin1String("ipRemove")
            || input->objectName() == QLatin1String("expiresAt"))
            continue; // enabled only with something to remove, and when it can expire
        QVERIFY2(input->isEnabled(), qPrintable(input->objectName()));
    }
    QVERIFY(!find<QDateTimeEdit>("expiresAt")->isEnabled());
    QCOMPARE(focused(), name);
    QSignalSpy rejected(m_dialog, &QDialog::rejected);
    QTest::keyClick(name, Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!m_dialog->isVisible());
}

void tst_AddTokenDialog::everyInputIsNamed()
{
    const auto inputs = inputsOf(m_dialog);
    QVERIFY(inputs.size() >= 12);
    QList<QWidget *> buddies;
    for (QLabel *label : m_dialog->findChildren<QLabel *>()) {
        if (label->buddy())
            buddies.append(label->buddy());
    }
    for (QWidget *input : inputs) {
        const QByteArray what =
            input->metaObject()->className() + QByteArray(" ") + input->objectName().toUtf8();
        QVERIFY2(!input->accessibleName().isEmpty(), what.constData());
        QVERIFY2(!input->toolTip().isEmpty(), what.constData());
        QVERIFY2(input->focusPolicy() & Qt::TabFocus, what.constData());
        if (qobject_cast<QLineEdit *>(input) || qobject_cast<QDateTimeEdit *>(input))
            QVERIFY2(buddies.contains(input), what.constData());
    }
}

QTEST_MAIN(tst_AddTokenDialog)
#include "tst_addtokendialog.moc"
