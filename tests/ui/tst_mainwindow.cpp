// The main window against the real sandbox, driven as a user would: by keyboard,
// through the confirmation, with faults injected into the server and the keychain.
#include "addtokendialog.h"
#include "api/apiclient.h"
#include "api/apireply.h"
#include "clipboardguard.h"
#include "createportfoliopage.h"
#include "mainwindow.h"
#include "messageboxanswer.h"
#include "mnemonics.h"
#include "noticepanel.h"
#include "pastetokendialog.h"
#include "resultpanel.h"
#include "sandbox/sandboxserver.h"
#include "session/appsettings.h"
#include "session/createflow.h"
#include "session/portfoliotreemodel.h"
#include "session/session.h"
#include "store/memorysecretstore.h"
#include "store/portfolioindex.h"
#include "store/profilestore.h"
#include "store/secretkeys.h"
#include "store/tokenhandoff.h"
#include "tokencard.h"
#include "tokenspage.h"
#include "unsavedvaluedialog.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace agentfolio;
using Fault = SandboxServer::Fault;

namespace {

// The sandbox's answer to the next `method` request, in place of its own; not processed.
Fault jsonAnswer(const QByteArray &method, int status, const QByteArray &json)
{
    Fault answer;
    answer.kind = Fault::Kind::Answer;
    answer.method = method;
    answer.status = status;
    answer.contentType = QByteArrayLiteral("application/json");
    answer.body = json;
    return answer;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void everyMnemonicOnTheCreatePageIsItsOwn();
    void cleanup();

    void startsOnTheSandboxAndSaysSo();
    void happyPathByKeyboard();
    void cancelOnTheConfirmationSendsNothing();
    void doubleEnterAndDoubleClickSendOneRequest();
    void serverRefusalLandsAtItsField();
    void aCreateThatCannotBeNotedSaysWhyAndKeepsTheForm();
    void outcomeUnknownLeadsToCheckNowAndAdoption();
    void unreadableAnswersTokenIsSavedAfterCheckNow();
    void unplaceableTokenIsShownForCopyingAndNotDroppedSilently();
    void unplacedValuePastedOntoItsTokenIsNoLongerHeld();
    void aCreateLeftUnsettledByAnEarlierRunIsLockedUntilChecked();
    void aLockNoCheckCanLiftIsUnlockedOnlyWhenTheUserSaysSo();
    void aLockOfAnotherAccountIsCheckedThereAndKeepsCheckNow();
    void heldValueOfATokenTheHandOffHoldsIsNeverShownSaved();
    void keychainFailureLeavesTheTokenPendingVisibleAndCopyable();
    void addTokenAfterA207IsSavedAndShown_data();
    void addTokenAfterA207IsSavedAndShown();
    void addTokenValueNothingCanSaveIsShownUntilTheUserLetsItGo();
    void quittingWithAPendingTokenAsksFirst();
    void everyInputHasAnAccessibleName();
    void tokenLostToACrashIsReportedAtNextStart();
    void smallWindowKeepsCreateInViewAndScrollsTheForm();
    void aFirstStartFitsTheScreen();
    void theFirstStartSizeShowsTheWholeForm_data();
    void theFirstStartSizeShowsTheWholeForm();
    void theWindowOpensAsItWasLastClosed();
    void aWindowClosedLargerThanTheScreenOpensWithinIt();
    void theSecretColumnIsInViewAtTheFirstStartSize_data();
    void theSecretColumnIsInViewAtTheFirstStartSize();

private:
    void fillByKeyboard(const QString &amount, const QString &name, const QString &token);
    QMessageBox *waitForConfirmation();
    void confirmByKeyboard();
    void showUnplacedValue();
    SandboxServer *sandbox() const { return m_session->sandbox(); }
    QScrollArea *createFormArea() const;
    // The test's own files, so that a second session starts where the first one stopped.
    SessionOptions sessionOptions() const;
    void restartSession();
    // A new main window at its first-start size, in `language` ("" for English, else through
    // `translator`, which the caller removes again).
    void showNewWindowIn(const QString &language, QTranslator *translator);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

SessionOptions TestMainWindow::sessionOptions() const
{
    SessionOptions options;
    options.indexPath = m_dir->filePath(QStringLiteral("index.json"));
    options.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    options.sandboxStateFile = m_dir->filePath(QStringLiteral("sandbox.json"));
    options.secretStore = m_secrets.get();
    return options;
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets = std::make_unique<MemorySecretStore>();
    m_session = std::make_unique<Session>(sessionOptions());
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_session->activate(Profile::sandboxId());
    QTRY_VERIFY(m_session->isReady());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

// Alt+letter must reach one thing: the form is filled by keyboard.
void TestMainWindow::everyMnemonicOnTheCreatePageIsItsOwn()
{
    const QStringList clashes = test::clashingMnemonics(m_window.get());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void TestMainWindow::cleanup()
{
    // Let the window close without the quit question: nothing may stay pending here.
    for (const PendingToken &pending : m_session->handOff()->pendingTokens())
        m_session->handOff()->discard(pending.token.token.id);
    m_window.reset();
    m_session.reset();
    m_secrets.reset();
    m_dir.reset();
}

void TestMainWindow::fillByKeyboard(const QString &amount, const QString &name,
                                    const QString &token)
{
    auto *amountEdit = m_window->findChild<QLineEdit *>(QStringLiteral("investmentAmount"));
    QVERIFY(amountEdit);
    amountEdit->setFocus(Qt::TabFocusReason); // where a user's first Tab lands
    QTRY_VERIFY(amountEdit->hasFocus());
    QTest::keyClicks(QApplication::focusWidget(), amount);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), name);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), token);
    QCOMPARE(m_window->findChild<QLineEdit *>(QStringLiteral("tokenName"))->text(), token);
}

QMessageBox *TestMainWindow::waitForConfirmation()
{
    // Returns null (and the caller's QVERIFY fails) when no confirmation shows up.
    for (int i = 0; i < 100 && !(m_window->confirmation() && m_window->confirmation()->isVisible());
         ++i)
        QTest::qWait(50);
    return m_window->confirmation() && m_window->confirmation()->isVisible()
        ? m_window->confirmation()
        : nullptr;
}

void TestMainWindow::confirmByKeyboard()
{
    QMessageBox *box = waitForConfirmation();
    QVERIFY(box);
    auto *create = box->findChild<QPushButton *>(QStringLiteral("confirmCreateButton"));
    QVERIFY(create);
    // Cancel is the default; the user tabs to Create and presses Space.
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QApplication::setActiveWindow(box);
    QTRY_VERIFY(box->isAncestorOf(QApplication::focusWidget()));
    for (int i = 0; i < 6 && QApplication::focusWidget() != create; ++i)
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : box,
                        Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), create);
    QTest::keyClick(create, Qt::Key_Space);
}

void TestMainWindow::startsOnTheSandboxAndSaysSo()
{
    auto *title = m_window->findChild<QLabel *>(QStringLiteral("profileBannerTitle"));
    QVERIFY(title && title->isVisible());
    QCOMPARE(title->text(), QStringLiteral("Sandbox"));
    QVERIFY(title->font().bold());
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("profileBannerText"));
    QVERIFY(banner && banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("No real money")));
    auto *box = m_window->findChild<QComboBox *>(QStringLiteral("profileBox"));
    QCOMPARE(box->currentData().toString(), Profile::sandboxId());
    // Qt appends the display name to a title that does not already end with it: the app's
    // name shows once ("Sandbox — Agentfolio"), not twice.
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Sandbox — Agentfolio"));
}

void TestMainWindow::happyPathByKeyboard()
{
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("MyPort1"), QStringLiteral("my-agent"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QMessageBox *box = waitForConfirmation();
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("$2,000.00")), qPrintable(box->text()));
    QVERIFY(box->text().contains(QStringLiteral("MyPort1")));
    confirmByKeyboard();

    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    QCOMPARE(sandbox()->requestCount("POST"), 1);
    QTRY_VERIFY(m_window->resultPanel()->isVisible());
    auto *state = m_window->resultPanel()->findChild<QLabel *>(QStringLiteral("storageState"));
    QVERIFY(state);
    QTRY_VERIFY(!m_window->resultPanel()->hasUnsavedTokens());
    auto *sizing =
        m_window->resultPanel()->findChild<QLabel *>(QStringLiteral("positionSizingNote"));
    QVERIFY(sizing);

    // Copy by keyboard: the token's Copy button takes focus and Space.
    auto *copy = m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("copyButton"));
    QVERIFY(copy);
    copy->setFocus(Qt::TabFocusReason);
    QTest::keyClick(copy, Qt::Key_Space);
    const QString secret = m_window->createFlow()->result().createdTokens.first().secret.reveal();
    QVERIFY(QGuiApplication::clipboard()->text() == secret);

    // "Create another portfolio" by keyboard leads to a new form, ready to type the amount
    // (not to the tab bar, where the focus fell when the result page went).
    auto *another =
        m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("createAnotherButton"));
    another->setFocus(Qt::TabFocusReason);
    QTest::keyClick(another, Qt::Key_Space);
    QTRY_VERIFY(!m_window->resultPanel()->isVisible());
    auto *amount = m_window->findChild<QLineEdit *>(QStringLiteral("investmentAmount"));
    QTRY_COMPARE(m_window->focusWidget(), amount);
    QVERIFY(amount->text().isEmpty());
}

void TestMainWindow::cancelOnTheConfirmationSendsNothing()
{
    fillByKeyboard(QStringLiteral("500"), QStringLiteral("Cancel1"), QStringLiteral("t"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QMessageBox *box = waitForConfirmation();
    QVERIFY(box);
    // Enter takes the default button, which is Cancel.
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_VERIFY(!m_window->confirmation());
    QTest::qWait(200);
    QCOMPARE(sandbox()->requestCount(), 0);
    QCOMPARE(m_window->createFlow()->state(), CreateFlow::State::Idle);
}

void TestMainWindow::doubleEnterAndDoubleClickSendOneRequest()
{
    Fault slow;
    slow.kind = Fault::Kind::Delay;
    slow.delayMs = 600;
    sandbox()->injectFault(slow);
    fillByKeyboard(QStringLiteral("500"), QStringLiteral("Twice01"), QStringLiteral("t"));
    QWidget *field = QApplication::focusWidget();
    QTest::keyClick(field, Qt::Key_Return);
    QTest::keyClick(field, Qt::Key_Return); // a second Enter: still one confirmation
    QMessageBox *box = waitForConfirmation();
    QVERIFY(box);
    auto *create = box->findChild<QPushButton *>(QStringLiteral("confirmCreateButton"));
    // A double click on Create: the second click lands after the dialog has gone.
    QPointer<QPushButton> guarded(create);
    QTest::mouseClick(create, Qt::LeftButton);
    if (guarded)
        QTest::mouseClick(guarded, Qt::LeftButton);
    QTRY_COMPARE(m_window->createFlow()->state(), CreateFlow::State::Sending);
    // While sending: Enter in the form and the Create button do nothing.
    QTest::keyClick(field, Qt::Key_Return);
    auto *createButton =
        m_window->createPage()->findChild<QPushButton *>(QStringLiteral("createButton"));
    QVERIFY(!createButton->isEnabled());
    QTest::mouseClick(createButton, Qt::LeftButton);
    QTest::qWait(100);
    QVERIFY(!m_window->confirmation());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    QTest::qWait(300);
    QCOMPARE(sandbox()->requestCount("POST"), 1);
    QCOMPARE(sandbox()->portfolios().size(), 1);
}

void TestMainWindow::serverRefusalLandsAtItsField()
{
    // The sandbox, like eToro, has a minimum the form cannot know.
    fillByKeyboard(QStringLiteral("1"), QStringLiteral("Small01"), QStringLiteral("t"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Failed, 10000);
    auto *problem = m_window->createPage()->findChild<QLabel *>(
        QStringLiteral("problemText_investmentAmountInUsd"));
    QVERIFY(problem);
    QTRY_VERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("minimum")), qPrintable(problem->text()));
    // The notice names the request id, and the form kept what the user typed.
    QCOMPARE(m_window->notice()->requestIdText(),
             m_window->createFlow()->requestId().toString(QUuid::WithoutBraces));
    QCOMPARE(m_window->findChild<QLineEdit *>(QStringLiteral("portfolioName"))->text(),
             QStringLiteral("Small01"));
    QVERIFY(m_window->findChild<QLineEdit *>(QStringLiteral("investmentAmount"))->isEnabled());
}

// The settings file cannot take the create's note: nothing is sent, the notice names the file,
// and the form keeps what the user typed, to send once the file is fixed.
void TestMainWindow::aCreateThatCannotBeNotedSaysWhyAndKeepsTheForm()
{
    const QString file = m_dir->filePath(QStringLiteral("settings.ini"));
    QFile::remove(file);
    QVERIFY(QDir().mkpath(file + QStringLiteral("/in-the-way"))); // stops root too
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("Noted01"), QStringLiteral("t"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE(m_window->createFlow()->state(), CreateFlow::State::Failed);
    QVERIFY2(m_window->notice()->text().startsWith(QStringLiteral("Nothing was sent")),
             qPrintable(m_window->notice()->text()));
    QVERIFY2(m_window->notice()->text().contains(QDir::toNativeSeparators(file)),
             qPrintable(m_window->notice()->text()));
    QVERIFY(m_window->notice()->requestIdText().isEmpty()); // none was sent
    QTest::qWait(200);
    QCOMPARE(sandbox()->requestCount("POST"), 0);
    QCOMPARE(m_window->findChild<QLineEdit *>(QStringLiteral("portfolioName"))->text(),
             QStringLiteral("Noted01"));
    QVERIFY(m_window->findChild<QLineEdit *>(QStringLiteral("investmentAmount"))->isEnabled());

    QVERIFY(QDir(file).removeRecursively());
    auto *name = m_window->findChild<QLineEdit *>(QStringLiteral("portfolioName"));
    name->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(name, Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    QCOMPARE(sandbox()->requestCount("POST"), 1);
}

void TestMainWindow::outcomeUnknownLeadsToCheckNowAndAdoption()
{
    Fault drop;
    drop.kind = Fault::Kind::DropAfterProcessing;
    drop.method = "POST";
    drop.times = 3;
    sandbox()->injectFault(drop);
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("Lost001"), QStringLiteral("t"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::OutcomeUnknown,
                              10000);
    QVERIFY(m_window->notice()->text().contains(QStringLiteral("money may have moved")));
    auto *check = m_window->notice()->findChild<QPushButton *>(QStringLiteral("noticeAction"));
    QVERIFY(check && check->isVisible());
    // The form is locked: nothing can be sent until the user checks.
    QVERIFY(!m_window->findChild<QLineEdit *>(QStringLiteral("portfolioName"))->isEnabled());

    sandbox()->clearFaults();
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    QCOMPARE(sandbox()->portfolios().size(), 1);
    const QString id = sandbox()->portfolios().first().id;
    QVERIFY(m_session->index()->portfolio(Profile::sandboxId(), id));
    QTRY_VERIFY(m_window->resultPanel()->isVisible());
    auto *add = m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("addTokenButton"));
    QVERIFY(add && add->isVisible());
}

void TestMainWindow::unreadableAnswersTokenIsSavedAfterCheckNow()
{
    Fault incomplete;
    incomplete.kind = Fault::Kind::WithoutIds;
    incomplete.method = "POST";
    sandbox()->injectFault(incomplete);
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("Kept001"), QStringLiteral("kept-token"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::OutcomeUnknown,
                              10000);
    const QString notice = m_window->notice()->text();
    QVERIFY2(notice.contains(QStringLiteral("did carry 1 token")), qPrintable(notice));

    // Quitting now would lose it: the question says so.
    QString question;
    const MessageBoxAnswer stay(QMessageBox::RejectRole, &question);
    QVERIFY(!m_window->close());
    QVERIFY2(question.contains(QStringLiteral("only in memory")), qPrintable(question));

    auto *check = m_window->notice()->findChild<QPushButton *>(QStringLiteral("noticeAction"));
    QVERIFY(check && check->isVisible());
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    QTRY_VERIFY(m_window->resultPanel()->isVisible());
    QVERIFY2(m_window->notice()->text().contains(QStringLiteral("saved below")),
             qPrintable(m_window->notice()->text()));
    QCOMPARE(m_window->createFlow()->rescuedTokens().size(), 1);
    const CreatedToken rescued = m_window->createFlow()->rescuedTokens().first();
    QTRY_VERIFY(!m_window->resultPanel()->hasUnsavedTokens());
    const auto stored =
        m_secrets->value(SecretKeys::tokenKey(Profile::sandboxId(), rescued.token.id));
    QVERIFY(stored && *stored == rescued.secret);

    auto *copy = m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("copyButton"));
    QVERIFY(copy && copy->isVisible());
    QTest::mouseClick(copy, Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text() == rescued.secret.reveal());
}

// A create whose answer could not be read, then a check that lists two tokens of the
// requested name (portfolio p-1, tokens t-1 and t-2): the value the answer carried cannot be
// tied to either, and the result page holds it.
void TestMainWindow::showUnplacedValue()
{
    Fault incomplete;
    incomplete.kind = Fault::Kind::WithoutIds;
    incomplete.method = "POST";
    sandbox()->injectFault(incomplete);
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("Held001"), QStringLiteral("held-token"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::OutcomeUnknown,
                              10000);

    // The list shows two tokens of that name: no telling which one the value is.
    sandbox()->injectFault(jsonAnswer(
        "GET", 200,
        QByteArrayLiteral(
            R"({"agentPortfolios":[{"agentPortfolioId":"p-1","agentPortfolioName":"Held001",)"
            R"("userTokens":[{"userTokenId":"t-1","userTokenName":"held-token"},)"
            R"({"userTokenId":"t-2","userTokenName":"held-token"}]}]})")));
    auto *check = m_window->notice()->findChild<QPushButton *>(QStringLiteral("noticeAction"));
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    QTRY_VERIFY(m_window->resultPanel()->isVisible());
    QVERIFY2(m_window->notice()->text().contains(QStringLiteral("could not save, shown below")),
             qPrintable(m_window->notice()->text()));
    QCOMPARE(m_window->createFlow()->unplacedTokens().size(), 1);
}

void TestMainWindow::unplaceableTokenIsShownForCopyingAndNotDroppedSilently()
{
    showUnplacedValue();
    if (QTest::currentTestFailed())
        return;

    // One card, saying it cannot be saved, with no Retry that could never work; Copy works.
    QCOMPARE(m_window->resultPanel()->tokenCards().size(), 1);
    TokenCard *card = m_window->resultPanel()->tokenCards().first();
    QCOMPARE(card->storageState(), TokenCard::State::Unsaveable);
    auto *state = card->findChild<QLabel *>(QStringLiteral("storageState"));
    QVERIFY2(state->text().contains(QStringLiteral("Not saved: the answer did not say")),
             qPrintable(state->text()));
    QVERIFY(!card->findChild<QPushButton *>(QStringLiteral("retryButton"))->isVisible());
    QVERIFY(m_window->resultPanel()->hasUnsavedTokens());
    QTest::mouseClick(card->findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    const Secret held = m_window->createFlow()->unplacedTokens().first().secret;
    QVERIFY(held.reveal().startsWith(QLatin1String("sk_sandbox_")));
    QVERIFY(QGuiApplication::clipboard()->text() == held.reveal());
    QVERIFY(m_secrets->keys().isEmpty());

    // Every way out asks first (quit, Create another, File > New, another account), and
    // Stay keeps everything as it was.
    const auto stillHeld = [this] {
        return m_window->resultPanel()->isVisible()
            && m_window->createFlow()->unplacedTokens().size() == 1;
    };
    QString question;
    const MessageBoxAnswer stay1(QMessageBox::RejectRole, &question);
    QVERIFY(!m_window->close());
    QVERIFY2(question.contains(QStringLiteral("held only in memory")), qPrintable(question));
    QVERIFY(stillHeld());

    auto *another =
        m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("createAnotherButton"));
    const MessageBoxAnswer stay2(QMessageBox::RejectRole, &question);
    QTest::mouseClick(another, Qt::LeftButton);
    QVERIFY2(question.contains(QStringLiteral("saved nowhere")), qPrintable(question));
    QVERIFY(stillHeld());

    QAction *newPortfolio = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(QKeySequence::New))
            newPortfolio = action;
    }
    QVERIFY(newPortfolio);
    const MessageBoxAnswer stay3(QMessageBox::RejectRole, &question);
    newPortfolio->trigger();
    QVERIFY2(question.contains(QStringLiteral("saved nowhere")), qPrintable(question));
    QVERIFY(stillHeld());

    Profile other;
    other.displayName = QStringLiteral("My eToro");
    other.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    const auto added = m_session->profiles()->add(other);
    QVERIFY(added);
    auto *profiles = m_window->findChild<QComboBox *>(QStringLiteral("profileBox"));
    const int otherIndex = profiles->findData(added->id);
    QVERIFY(otherIndex >= 0);
    QCOMPARE(qAbs(otherIndex - profiles->currentIndex()), 1); // one key away
    profiles->setFocus(Qt::TabFocusReason);
    const MessageBoxAnswer stay4(QMessageBox::RejectRole, &question);
    QTest::keyClick(profiles, otherIndex > profiles->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
    QVERIFY2(question.contains(QStringLiteral("saved nowhere")), qPrintable(question));
    QVERIFY(stillHeld());
    QCOMPARE(m_session->activeProfile().id, Profile::sandboxId());
    QCOMPARE(profiles->currentData().toString(), Profile::sandboxId());

    // Leaving, once the user says so, forgets it.
    const MessageBoxAnswer leave1(QMessageBox::DestructiveRole, &question);
    QTest::mouseClick(another, Qt::LeftButton);
    QVERIFY2(question.contains(QStringLiteral("saved nowhere")), qPrintable(question));
    QTRY_VERIFY(!m_window->resultPanel()->isVisible());
    QCOMPARE(m_window->createFlow()->state(), CreateFlow::State::Idle);
    QVERIFY(m_window->createFlow()->unplacedTokens().isEmpty());
}

void TestMainWindow::heldValueOfATokenTheHandOffHoldsIsNeverShownSaved()
{
    // t-1's own value was refused by the keychain and waits in the hand-off.
    const QString profile = m_session->activeProfile().id;
    IndexedPortfolio known;
    known.id = QStringLiteral("p-1");
    known.name = QStringLiteral("Held002");
    m_session->index()->upsertPortfolio(profile, known);
    UserToken t1;
    t1.id = QStringLiteral("t-1");
    t1.name = QStringLiteral("held-token");
    m_secrets->setFailure(SecretStoreError::Kind::NoKeychain);
    QSignalSpy pending(m_session->handOff(), &TokenHandOff::tokenPending);
    m_session->handOff()->storeAddedToken(profile, known.id,
                                          CreatedToken { t1, Secret(QStringLiteral("sk_own")) });
    QVERIFY(pending.wait());
    m_secrets->setFailure(std::nullopt);

    // The create's answer cannot be read, but carries a value for t-1 too.
    sandbox()->injectFault(jsonAnswer(
        "POST", 201,
        QByteArrayLiteral(R"({"userTokens":[{"userTokenId":"t-1","userTokenName":"held-token",)"
                          R"("userToken":"sk_from_the_answer"}]})")));
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("Held002"), QStringLiteral("held-token"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::OutcomeUnknown,
                              10000);
    sandbox()->injectFault(jsonAnswer(
        "GET", 200,
        QByteArrayLiteral(
            R"({"agentPortfolios":[{"agentPortfolioId":"p-1","agentPortfolioName":"Held002",)"
            R"("userTokens":[{"userTokenId":"t-1","userTokenName":"held-token"}]}]})")));
    QTest::mouseClick(m_window->notice()->findChild<QPushButton *>(QStringLiteral("noticeAction")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    QTRY_VERIFY(m_window->resultPanel()->isVisible());

    QCOMPARE(m_window->resultPanel()->tokenCards().size(), 1);
    TokenCard *card = m_window->resultPanel()->tokenCards().first();
    QCOMPARE(card->tokenId(), QStringLiteral("t-1"));
    QCOMPARE(card->storageState(), TokenCard::State::Unsaveable);
    QVERIFY2(card->storageProblem().contains(QStringLiteral("keychain refused")),
             qPrintable(card->storageProblem()));
    auto *intro = m_window->resultPanel()->findChild<QLabel *>(QStringLiteral("intro"));
    QVERIFY2(intro && intro->text().contains(QStringLiteral("Not saved")),
             qPrintable(intro ? intro->text() : QString()));

    // t-1's own value reaches the keychain: that is not this card's value being saved.
    QSignalSpy stored(m_session->handOff(), &TokenHandOff::tokenStored);
    QVERIFY(m_session->handOff()->retry(t1.id));
    QTRY_COMPARE(stored.size(), 1);
    QCOMPARE(m_secrets->value(SecretKeys::tokenKey(profile, t1.id))->reveal(),
             QStringLiteral("sk_own"));
    QCOMPARE(card->storageState(), TokenCard::State::Unsaveable);
    QVERIFY(m_window->resultPanel()->hasUnsavedTokens());
    QCOMPARE(m_window->createFlow()->unplacedTokens().size(), 1);

    QString question;
    const MessageBoxAnswer leave1(QMessageBox::DestructiveRole, &question);
    QTest::mouseClick(
        m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("createAnotherButton")),
        Qt::LeftButton);
    QVERIFY2(question.contains(QStringLiteral("saved nowhere")), qPrintable(question));
}

void TestMainWindow::keychainFailureLeavesTheTokenPendingVisibleAndCopyable()
{
    m_secrets->setFailure(SecretStoreError::Kind::NoKeychain);
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("Pend001"), QStringLiteral("t"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    QTRY_VERIFY(m_session->handOff()->hasPendingTokens());
    QTRY_VERIFY(m_window->resultPanel()->hasUnsavedTokens());
    auto *state = m_window->resultPanel()->findChild<QLabel *>(QStringLiteral("storageState"));
    QTRY_VERIFY2(state->text().contains(QStringLiteral("Not saved")), qPrintable(state->text()));
    auto *retry = m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("retryButton"));
    QVERIFY(retry && retry->isVisible());

    auto *copy = m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("copyButton"));
    QTest::mouseClick(copy, Qt::LeftButton);
    const QString secret = m_window->createFlow()->result().createdTokens.first().secret.reveal();
    QVERIFY(QGuiApplication::clipboard()->text() == secret);

    m_secrets->setFailure(std::nullopt);
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY(!m_session->handOff()->hasPendingTokens());
    QTRY_VERIFY(!m_window->resultPanel()->hasUnsavedTokens());
}

// Created without its token (207): Add token on the result goes through the token manager and
// the hand-off, and the result then shows the new token, saved.
void TestMainWindow::addTokenAfterA207IsSavedAndShown_data()
{
    QTest::addColumn<bool>("keychainWorks");
    QTest::newRow("saved") << true;
    QTest::newRow("the keychain refuses") << false;
}

void TestMainWindow::addTokenAfterA207IsSavedAndShown()
{
    QFETCH(bool, keychainWorks);
    Fault partial;
    partial.kind = Fault::Kind::TokenNotCreated207;
    sandbox()->injectFault(partial);
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("Part001"), QStringLiteral("first"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    auto *add = m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("addTokenButton"));
    QTRY_VERIFY(add && add->isVisible());
    QTest::mouseClick(add, Qt::LeftButton);
    AddTokenDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<AddTokenDialog *>()) && dialog->isVisible());
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("tokenName"));
    QVERIFY(name);
    QTest::keyClicks(name, QStringLiteral("second"));
    auto *addButton = dialog->findChild<QPushButton *>(QStringLiteral("addToken"));
    QTRY_VERIFY(addButton->isEnabled());
    if (!keychainWorks)
        m_secrets->setFailure(SecretStoreError::Kind::NoKeychain);
    QTest::mouseClick(addButton, Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<AddTokenDialog *>(), 10000);
    const QList<TokenCard *> cards = m_window->resultPanel()->tokenCards();
    QCOMPARE(cards.size(), 1);
    QCOMPARE(cards.first()->token().name, QStringLiteral("second"));
    const auto stored =
        m_secrets->value(SecretKeys::tokenKey(Profile::sandboxId(), cards.first()->tokenId()));
    if (keychainWorks) {
        QCOMPARE(cards.first()->storageState(), TokenCard::State::Saved);
        QVERIFY(stored && stored->reveal().startsWith(QLatin1String("sk_sandbox_")));
    } else {
        // Never shown saved: pending, with Retry, and held by the hand-off.
        QCOMPARE(cards.first()->storageState(), TokenCard::State::Pending);
        QVERIFY(!stored);
        QVERIFY(m_session->handOff()->pendingToken(cards.first()->tokenId()));
        QVERIFY(m_window->resultPanel()->hasUnsavedTokens());
    }
    QCOMPARE(sandbox()->requestCount("POST"), 2);
}

// The add-token answer said yes but could not be read, and its token is not listed: its value
// is shown in a window of its own, for copying, and closing that window asks first.
void TestMainWindow::addTokenValueNothingCanSaveIsShownUntilTheUserLetsItGo()
{
    Fault partial;
    partial.kind = Fault::Kind::TokenNotCreated207;
    sandbox()->injectFault(partial);
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("Part002"), QStringLiteral("first"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    auto *add = m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("addTokenButton"));
    QTRY_VERIFY(add && add->isVisible());
    QTest::mouseClick(add, Qt::LeftButton);
    AddTokenDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<AddTokenDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenName")),
                     QStringLiteral("second"));
    Fault unreadable;
    unreadable.kind = Fault::Kind::Answer; // not processed, so the token is never listed
    unreadable.method = "POST";
    unreadable.status = 201;
    unreadable.contentType = QByteArrayLiteral("application/json");
    unreadable.body = QByteArrayLiteral(R"({"userTokenName":"second","userToken":"sk_only_copy"})");
    sandbox()->injectFault(unreadable);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("addToken")), Qt::LeftButton);

    UnsavedValueDialog *held = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (held = m_window->findChild<UnsavedValueDialog *>()) && held->isVisible(), 10000);
    const QString explanation = held->findChild<QLabel *>(QStringLiteral("explanation"))->text();
    // It says why, as the add dialog behind it (which it covers) does, and what to do.
    QVERIFY2(explanation.contains(QStringLiteral("“second” was most likely added"))
                 && explanation.contains(QStringLiteral("no token of that name is listed"))
                 && explanation.contains(QStringLiteral("saved nowhere"))
                 && explanation.contains(QStringLiteral("Paste value"))
                 && explanation.contains(QStringLiteral("Request id: ")),
             qPrintable(explanation));
    QCOMPARE(explanation, dialog->shownProblems(Field::None).value(0));
    QVERIFY(!explanation.contains(QStringLiteral("sk_only_copy")));
    QCOMPARE(held->card()->storageState(), TokenCard::State::Unsaveable);
    auto *copy = held->card()->findChild<QPushButton *>(QStringLiteral("copyButton"));
    QVERIFY(copy && copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("sk_only_copy"));

    // Escape asks; "Keep it open" keeps it; "Close and lose it" lets it go.
    QString question;
    const MessageBoxAnswer stay1(QMessageBox::RejectRole, &question);
    QTest::keyClick(held, Qt::Key_Escape);
    QVERIFY2(question.contains(QStringLiteral("gone for good")), qPrintable(question));
    QVERIFY(held->isVisible());
    const QPointer<UnsavedValueDialog> guard(held);
    const MessageBoxAnswer leave1(QMessageBox::DestructiveRole, &question);
    QTest::mouseClick(held->closeButton(), Qt::LeftButton);
    QTRY_VERIFY(!guard);
    // The add dialog is still there, saying what happened; nothing was stored.
    QVERIFY(dialog->isVisible());
    QVERIFY(m_secrets->keys().size() == 0);
    dialog->reject();
}

// The user copies the held value and pastes it onto its token under Portfolios and tokens:
// it is in the keychain now, so the result page shows it saved and leaving asks nothing.
void TestMainWindow::unplacedValuePastedOntoItsTokenIsNoLongerHeld()
{
    showUnplacedValue();
    if (QTest::currentTestFailed())
        return;
    TokenCard *card = m_window->resultPanel()->tokenCards().first();
    QCOMPARE(card->storageState(), TokenCard::State::Unsaveable);
    QTest::mouseClick(card->findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    const Secret held = m_window->createFlow()->unplacedTokens().first().secret;

    TokensPage *page = m_window->tokensPage();
    m_window->findChild<QTabWidget *>(QStringLiteral("mainTabs"))->setCurrentIndex(1);
    QTRY_VERIFY(page->selectToken(QStringLiteral("p-1"), QStringLiteral("t-1")));
    auto *paste = page->findChild<QPushButton *>(QStringLiteral("pasteToken"));
    QTRY_VERIFY(paste && paste->isVisible() && paste->isEnabled());
    // Alt+letter reaches one thing here too, with the window's tabs, menus and banner.
    const QStringList clashes = test::clashingMnemonics(m_window.get());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    QTest::mouseClick(paste, Qt::LeftButton);
    QTRY_VERIFY(page->pasteTokenDialog() && page->pasteTokenDialog()->isVisible());
    PasteTokenDialog *dialog = page->pasteTokenDialog();
    dialog->findChild<QPushButton *>(QStringLiteral("paste"))->click(); // from the clipboard
    dialog->findChild<QPushButton *>(QStringLiteral("store"))->click();
    const QString key = SecretKeys::tokenKey(Profile::sandboxId(), QStringLiteral("t-1"));
    QTRY_VERIFY(m_secrets->value(key));
    QVERIFY(*m_secrets->value(key) == held);

    QTRY_VERIFY(m_window->createFlow()->unplacedTokens().isEmpty());
    QCOMPARE(card->storageState(), TokenCard::State::Saved);
    QVERIFY(!m_window->resultPanel()->hasUnsavedTokens());
    QVERIFY2(m_window->notice()->text().contains(QStringLiteral("now saved in the keychain")),
             qPrintable(m_window->notice()->text()));

    // Nothing to ask about any more: "Create another" goes straight to a new form.
    m_window->findChild<QTabWidget *>(QStringLiteral("mainTabs"))->setCurrentIndex(0);
    QString question;
    const MessageBoxAnswer leave(QMessageBox::DestructiveRole, &question,
                                 std::chrono::milliseconds(2000));
    QTest::mouseClick(
        m_window->resultPanel()->findChild<QPushButton *>(QStringLiteral("createAnotherButton")),
        Qt::LeftButton);
    QVERIFY2(!leave.answered(), qPrintable(question));
    QTRY_VERIFY(!m_window->resultPanel()->isVisible());
    QCOMPARE(m_window->createFlow()->state(), CreateFlow::State::Idle);
}

// An earlier run sent a create and stopped before its answer; eToro made the portfolio. The
// next window opens locked, says so, and Check now finds the portfolio without sending again.
void TestMainWindow::aCreateLeftUnsettledByAnEarlierRunIsLockedUntilChecked()
{
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(300000);
    request.portfolioName = QStringLiteral("Left001");
    request.tokenName = QStringLiteral("left-token");
    request.scopeIds = { 200 };
    const QUuid requestId = QUuid::createUuid();
    ApiReply *sent = m_session->client()->createPortfolio(request, requestId);
    QSignalSpy answered(sent, &ApiReply::finished);
    QVERIFY(answered.wait(10000) && sent->isOk());
    AppSettings::UnsettledCreate unsettled;
    unsettled.profileId = Profile::sandboxId();
    unsettled.portfolioName = request.portfolioName;
    unsettled.requestId = requestId;
    unsettled.investmentCents = request.investment.cents();
    unsettled.sentAt = QDateTime::currentDateTimeUtc();
    QVERIFY(m_session->settings()->setUnsettledCreate(unsettled));

    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->createFlow()->state(), CreateFlow::State::OutcomeUnknown);
    QVERIFY(m_window->createPage()->isBusy());
    const QString notice = m_window->notice()->text();
    QVERIFY2(notice.contains(QStringLiteral("money may have moved"))
                 && notice.contains(QStringLiteral("Agentfolio stopped before eToro answered the "
                                                   "create of Left001")),
             qPrintable(notice));
    auto *check = m_window->notice()->findChild<QPushButton *>(QStringLiteral("noticeAction"));
    QVERIFY(check && check->isVisible());

    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);
    QTRY_VERIFY(m_window->resultPanel()->isVisible());
    QVERIFY(m_session->settings()->unsettledCreates().isEmpty());
    QCOMPARE(sandbox()->portfolios().size(), 1);
    QCOMPARE(sandbox()->requestCount("POST"), 1); // the earlier run's, never sent again
}

// A create from an earlier run that no check can lift (eToro said yes, its list never shows
// it). File > Unlock creating asks before it forgets the create.
void TestMainWindow::aLockNoCheckCanLiftIsUnlockedOnlyWhenTheUserSaysSo()
{
    AppSettings::UnsettledCreate unsettled;
    unsettled.profileId = Profile::sandboxId();
    unsettled.portfolioName = QStringLiteral("Gone001");
    unsettled.requestId = QUuid::createUuid();
    unsettled.serverAccepted = true; // a list without it cannot unlock
    unsettled.httpStatus = 201;
    QVERIFY(m_session->settings()->setUnsettledCreate(unsettled));
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->createFlow()->state(), CreateFlow::State::OutcomeUnknown);
    auto *check = m_window->notice()->findChild<QPushButton *>(QStringLiteral("noticeAction"));
    QVERIFY(check && check->isVisible());

    // Its account is the one to check it from: no switching away.
    QVERIFY(!m_window->findChild<QComboBox *>(QStringLiteral("profileBox"))->isEnabled());

    QAction *unlock = m_window->findChild<QAction *>(QStringLiteral("unlockCreating"));
    QVERIFY(unlock && unlock->isEnabled());
    {
        const MessageBoxAnswer cancel(QMessageBox::RejectRole);
        unlock->trigger();
        QVERIFY(cancel.answered());
    }
    QCOMPARE(m_window->createFlow()->state(), CreateFlow::State::OutcomeUnknown);
    QCOMPARE(m_session->settings()->unsettledCreates().size(), 1);

    QString question;
    const MessageBoxAnswer yes(QMessageBox::DestructiveRole, &question);
    unlock->trigger();
    QVERIFY2(question.contains(QStringLiteral("a second portfolio takes the money a second time")),
             qPrintable(question));
    QCOMPARE(m_window->createFlow()->state(), CreateFlow::State::Idle);
    QVERIFY(!m_window->createPage()->isBusy());
    QVERIFY(m_session->settings()->unsettledCreates().isEmpty());
    QVERIFY(!unlock->isEnabled());
    QCOMPARE(sandbox()->requestCount("POST"), 0);
}

// The earlier run's create was for a real account, and this window started on the sandbox.
// Switching to that account is allowed; its failure to connect (no keys here) is said in a
// panel of its own, and Check now stays where it is.
void TestMainWindow::aLockOfAnotherAccountIsCheckedThereAndKeepsCheckNow()
{
    Profile real;
    real.displayName = QStringLiteral("My eToro");
    real.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    const auto added = m_session->profiles()->add(real);
    QVERIFY(added);
    AppSettings::UnsettledCreate unsettled;
    unsettled.profileId = added->id;
    unsettled.portfolioName = QStringLiteral("Real001");
    unsettled.requestId = QUuid::createUuid();
    QVERIFY(m_session->settings()->setUnsettledCreate(unsettled));
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->createFlow()->state(), CreateFlow::State::OutcomeUnknown);
    QCOMPARE(m_session->activeProfile().id, Profile::sandboxId());

    auto *profiles = m_window->findChild<QComboBox *>(QStringLiteral("profileBox"));
    QVERIFY(profiles->isEnabled());
    profiles->setFocus(Qt::TabFocusReason);
    const int target = profiles->findData(added->id);
    while (profiles->currentIndex() != target)
        QTest::keyClick(profiles, target > profiles->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(m_session->activeProfile().id, added->id);
    QTRY_COMPARE(m_session->state(), Session::State::Failed); // no keys in this keychain
    auto *status = m_window->findChild<NoticePanel *>(QStringLiteral("statusNotice"));
    QVERIFY(status && status->isVisible());
    QCOMPARE(status->text(), m_session->problem());
    auto *check = m_window->notice()->findChild<QPushButton *>(QStringLiteral("noticeAction"));
    QVERIFY(check && check->isVisible());
    QVERIFY(m_window->notice()->text().contains(QStringLiteral("Real001")));
    QVERIFY(!check->isEnabled()); // the account is not connected: nothing to ask
    QVERIFY(!profiles->isEnabled()); // now on its account: it stays until settled
}

void TestMainWindow::quittingWithAPendingTokenAsksFirst()
{
    m_secrets->setFailure(SecretStoreError::Kind::AccessDenied);
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("Quit001"), QStringLiteral("bot-token"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->handOff()->hasPendingTokens(), 10000);

    QString question;
    const MessageBoxAnswer stay(QMessageBox::RejectRole, &question);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QVERIFY2(question.contains(QStringLiteral("bot-token")), qPrintable(question));
    QVERIFY(question.contains(QStringLiteral("lost for good")));
    QVERIFY(m_session->handOff()->hasPendingTokens());
    // Not closed, so nothing is remembered of the window.
    QVERIFY(m_session->settings()->mainWindowGeometry().isEmpty());
}

void TestMainWindow::everyInputHasAnAccessibleName()
{
    // Also the result page, with a token card on it.
    fillByKeyboard(QStringLiteral("2000"), QStringLiteral("Access1"), QStringLiteral("t"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    confirmByKeyboard();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->createFlow()->state(), CreateFlow::State::Succeeded, 10000);

    QStringList unnamed;
    const auto widgets = m_window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const bool isInput = qobject_cast<QLineEdit *>(widget)
            || qobject_cast<QAbstractButton *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QListWidget *>(widget)
            || qobject_cast<QComboBox *>(widget);
        // What a screen reader meets: visible inputs; Qt's own sub-widgets (a spin box's
        // line edit, a line edit's icon button) are described by their owners.
        if (!isInput || !widget->isVisibleTo(m_window.get()) || widget->inherits("QScrollBar")
            || widget->inherits("QLineEditIconButton")
            || widget->objectName().startsWith(QLatin1String("qt_")))
            continue;
        // A button's own text is its accessible name, as screen readers use it.
        auto *button = qobject_cast<QAbstractButton *>(widget);
        const bool named = !widget->accessibleName().isEmpty()
            || (button && !button->text().remove(QLatin1Char('&')).trimmed().isEmpty());
        if (!named)
            unnamed << QStringLiteral("%1 \"%2\"")
                           .arg(QString::fromLatin1(widget->metaObject()->className()),
                                widget->objectName());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

// Agentfolio is killed while the keychain write of a new token hangs: the next start
// says that the token's secret is lost and what to do, instead of showing nothing.
// On a small screen the form scrolls and the Create button stays in view.
void TestMainWindow::smallWindowKeepsCreateInViewAndScrollsTheForm()
{
    m_window->resize(640, 420);
    QTRY_COMPARE(m_window->size(), QSize(640, 420));
    auto *create = m_window->findChild<QPushButton *>(QStringLiteral("createButton"));
    QVERIFY(create && create->isVisible());
    const QRect inWindow(create->mapTo(m_window.get(), QPoint(0, 0)), create->size());
    QVERIFY2(m_window->rect().contains(inWindow), "the Create button is cut off");
    QScrollArea *area = createFormArea();
    QVERIFY(area);
    QTRY_VERIFY(area->verticalScrollBar()->maximum() > 0);
    // Every field can be scrolled into view: the last one, the description, too.
    auto *description = area->widget()->findChild<QPlainTextEdit *>(QStringLiteral("description"));
    QVERIFY(description);
    const auto descriptionShown = [&] {
        const QRect shown(description->mapTo(area->viewport(), QPoint(0, 0)), description->size());
        return area->viewport()->rect().contains(shown);
    };
    QVERIFY(!descriptionShown());
    // Alt+D (its label's letter) brings it into view as Tab would: typing blind is no use.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), description);
    QTRY_VERIFY(descriptionShown());
    // Focus that comes otherwise (a click, the window's return) leaves the form where the
    // user scrolled it: a press that scrolled would lose its release.
    m_window->createPage()->setFocus();
    area->verticalScrollBar()->setValue(0);
    description->setFocus(Qt::MouseFocusReason);
    QTest::qWait(50);
    QCOMPARE(area->verticalScrollBar()->value(), 0);
}

QScrollArea *TestMainWindow::createFormArea() const
{
    auto *form = m_window->findChild<QWidget *>(QStringLiteral("createPortfolioForm"));
    return form ? qobject_cast<QScrollArea *>(form->parentWidget()->parentWidget()) : nullptr;
}

// As if Agentfolio quit and started again on the same files.
void TestMainWindow::restartSession()
{
    m_window.reset();
    m_session.reset();
    m_session = std::make_unique<Session>(sessionOptions());
    m_window = std::make_unique<MainWindow>(m_session.get());
}

void TestMainWindow::showNewWindowIn(const QString &language, QTranslator *translator)
{
    if (!language.isEmpty()) {
        QVERIFY(translator->load(QStringLiteral(":/i18n/agentfolio_") + language));
        QVERIFY(QCoreApplication::installTranslator(translator));
    }
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->resize(MainWindow::firstStartSize());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->size(), MainWindow::firstStartSize());
}

// The offscreen screen (800 x 800) is smaller than the first-start size, as a netbook's is.
void TestMainWindow::aFirstStartFitsTheScreen()
{
    const QRect available = m_window->screen()->availableGeometry();
    QVERIFY2(available.width() < MainWindow::firstStartSize().width()
                 || available.height() < MainWindow::firstStartSize().height(),
             "the test needs a screen smaller than the first-start size");
    const QRect frame = m_window->frameGeometry();
    QVERIFY2(frame.width() <= available.width() && frame.height() <= available.height(),
             qPrintable(QStringLiteral("%1 x %2 on a screen of %3 x %4")
                            .arg(frame.width())
                            .arg(frame.height())
                            .arg(available.width())
                            .arg(available.height())));
}

void TestMainWindow::theFirstStartSizeShowsTheWholeForm_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("German") << QStringLiteral("de");
}

// What MainWindow::firstStartSize() promises, in each language: longer German sentences wrap
// onto more lines.
void TestMainWindow::theFirstStartSizeShowsTheWholeForm()
{
    QFETCH(QString, language);
    QTranslator translator;
    const auto removeTranslator =
        qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
    showNewWindowIn(language, &translator);
    if (QTest::currentTestFailed())
        return;
    QScrollArea *area = createFormArea();
    QVERIFY(area);
    // The scroll bar's range follows the layout, which settles in posted events.
    QTest::qWait(50);
    QCOMPARE(area->verticalScrollBar()->maximum(), 0);
    auto *create = m_window->findChild<QPushButton *>(QStringLiteral("createButton"));
    QVERIFY(create);
    QCOMPARE(create->text() == QLatin1String("&Create portfolio"), language.isEmpty());
    m_window.reset();
}

void TestMainWindow::theWindowOpensAsItWasLastClosed()
{
    const QSize chosen(700, 480);
    m_window->resize(chosen);
    QTRY_COMPARE(m_window->size(), chosen);
    QVERIFY(m_window->close());
    restartSession();
    QCOMPARE(m_window->size(), chosen);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), chosen);
}

// As when it was closed on a larger monitor: restoreGeometry() alone keeps the size.
void TestMainWindow::aWindowClosedLargerThanTheScreenOpensWithinIt()
{
    const QRect available = m_window->screen()->availableGeometry();
    const QSize huge = available.size() * 2;
    m_window->resize(huge);
    QTRY_COMPARE(m_window->size(), huge);
    QVERIFY(m_window->close());
    restartSession();
    QVERIFY2(m_window->width() <= available.width() && m_window->height() <= available.height(),
             qPrintable(QStringLiteral("%1 x %2").arg(m_window->width()).arg(m_window->height())));
    QVERIFY(available.contains(m_window->geometry()));
}

void TestMainWindow::theSecretColumnIsInViewAtTheFirstStartSize_data()
{
    theFirstStartSizeShowsTheWholeForm_data();
}

// Whether a token's secret is here (or only in memory) is read off the list without
// scrolling sideways, and its words are not cut (German's are longer).
void TestMainWindow::theSecretColumnIsInViewAtTheFirstStartSize()
{
    QFETCH(QString, language);
    QTranslator translator;
    const auto removeTranslator =
        qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
    showNewWindowIn(language, &translator);
    if (QTest::currentTestFailed())
        return;
    m_window->findChild<QTabWidget *>(QStringLiteral("mainTabs"))->setCurrentIndex(1);
    QTreeView *tree = m_window->tokensPage()->treeView();
    QTRY_VERIFY(tree->isVisible());
    QTest::qWait(50); // the splitter and the header settle in posted events
    const QHeaderView *header = tree->header();
    const int right = header->sectionViewportPosition(PortfolioTreeModel::SecretColumn)
        + header->sectionSize(PortfolioTreeModel::SecretColumn);
    QVERIFY2(right <= tree->viewport()->width(),
             qPrintable(QStringLiteral("the Secret column ends at %1 of %2 px")
                            .arg(right)
                            .arg(tree->viewport()->width())));
    const QStringList texts = PortfolioTreeModel::secretColumnTexts();
    QCOMPARE(texts.contains(QStringLiteral("nur im Arbeitsspeicher")), !language.isEmpty());
    for (const QString &text : texts)
        QVERIFY2(tree->fontMetrics().horizontalAdvance(text)
                     < header->sectionSize(PortfolioTreeModel::SecretColumn),
                 qPrintable(text));
    m_window.reset();
}

void TestMainWindow::tokenLostToACrashIsReportedAtNextStart()
{
    m_secrets->setTimeout(std::chrono::seconds(30));
    m_secrets->setNeverAnswer(true);
    CreatePortfolioResult result;
    result.portfolio.id = QStringLiteral("0f0e0d0c-0b0a-0908-0706-050403020100");
    result.portfolio.name = QStringLiteral("Crashed1");
    CreatedToken token;
    token.token.id = QStringLiteral("tok-crash");
    token.token.name = QStringLiteral("bot-crash");
    token.secret = Secret(QStringLiteral("secret-never-saved"));
    result.createdTokens = { token };
    result.tokenCreated = true;
    m_session->handOff()->storeCreated(m_session->activeProfile().id, result,
                                       Money::fromCents(50'000), QString(), QUuid::createUuid());
    QTRY_COMPARE(m_secrets->hangingCount(), 1);
    // "Killed": everything goes without a word, the hanging write with it.
    m_window.reset();
    m_session.reset();
    m_secrets = std::make_unique<MemorySecretStore>();

    m_session = std::make_unique<Session>(sessionOptions());
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    // A notice the user must act on is up: the report must not replace it.
    const QString mustStay = QStringLiteral("Check what happened to the last request.");
    m_window->notice()->showMessage(NoticePanel::Tone::Warning, mustStay);
    m_window->notice()->setAction(QStringLiteral("Check now"));
    m_window->notice()->setDismissible(false);
    m_session->activate(Profile::sandboxId());
    auto *notice = m_window->recoveryNotice();
    QTRY_VERIFY(notice->text().contains(QStringLiteral("bot-crash")));
    QVERIFY(notice->text().contains(QStringLiteral("Crashed1")));
    QVERIFY(notice->text().contains(QStringLiteral("revoke this token")));
    QVERIFY(notice->text().contains(QStringLiteral("Sandbox"))); // which account
    QVERIFY(notice->isVisible());
    QCOMPARE(m_window->notice()->text(), mustStay);
    QVERIFY(m_window->notice()->isVisible());
    auto *checkNow = m_window->notice()->findChild<QPushButton *>(QStringLiteral("noticeAction"));
    QVERIFY(checkNow && checkNow->isVisible());
    const auto indexed = m_session->index()->token(
        m_session->activeProfile().id, result.portfolio.id, QStringLiteral("tok-crash"));
    QVERIFY(indexed);
    QVERIFY(!indexed->secretStored);
    QVERIFY(indexed->handOffOwner.isEmpty()); // reported once, not at every start
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
