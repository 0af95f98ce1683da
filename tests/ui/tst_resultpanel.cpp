#include "clipboardguard.h"
#include "domain/scopes.h"
#include "resultpanel.h"
#include "store/memorysecretstore.h"
#include "store/portfolioindex.h"
#include "store/secretkeys.h"
#include "store/tokenhandoff.h"
#include "tokencard.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace agentfolio;
using Kind = SecretStoreError::Kind;

namespace {

const QString Profile = QStringLiteral("main");
const QString PortfolioId = QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
const QUuid RequestId(QStringLiteral("{8486c781-c1e6-484f-8816-b195f3af7be3}"));
const QString TokenId = QStringLiteral("f1e2d3c4-b5a6-7890-1234-567890abcdef");
const QString TokenValue = QStringLiteral("sk_live_a1b2c3d4e5f6a7b8c9d0e1f2");
const QString SecondTokenId = QStringLiteral("second-token-id");
const QString SecondTokenValue = QStringLiteral("sk_live_second_value_0123456789");
const Money Investment = Money::fromCents(200'000); // $2,000
const Money VirtualBalance = Money::fromCents(1'000'000); // $10,000

CreatedToken createdToken(const QString &id, const QString &value)
{
    CreatedToken t;
    t.token.id = id;
    t.token.name = QStringLiteral("my-trading-token");
    t.token.clientId = QStringLiteral("c1d2e3f4-a5b6-7890-cdef-123456789abc");
    t.token.scopeIds = { 200, 202 };
    t.token.ipsWhitelist = { QStringLiteral("203.0.113.7") };
    t.token.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::UTC);
    t.secret = Secret(value);
    return t;
}

CreatePortfolioResult created(const QList<CreatedToken> &tokens)
{
    CreatePortfolioResult r;
    r.portfolio.id = PortfolioId;
    r.portfolio.name = QStringLiteral("MyPort1");
    r.portfolio.gcid = 12345678;
    r.portfolio.virtualBalance = VirtualBalance;
    r.portfolio.mirrorId = 98765;
    r.createdTokens = tokens;
    r.tokenCreated = !tokens.isEmpty();
    return r;
}

} // namespace

class tst_ResultPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void showsThePortfoliosFacts();
    void positionSizingPercent_data();
    void positionSizingPercent();
    void tokenCardShowsTheToken();
    void savingThenSaved();
    void pendingShowsTheReasonStaysCopyableAndRetries();
    void aRefusedCardThatFitsIsShownWithItsReason();
    void eachTokenFollowsItsOwnAnswer();
    void retryStartedElsewhereShowsSaving();
    void tokenNotCreated();
    void revealTogglesEchoMode();
    void maskedValueCannotBeCopiedFromTheField();
    void copyIdsAsPlainText_data();
    void copyIdsAsPlainText();
    void createAnother();
    void aSecondResultReplacesTheFirst();
    void tokensHeldHereAreShownForCopyingOnly();
    void everyInputIsNamedAndNoneNamedBySecret();

private:
    template<typename T = QWidget>
    T *find(const QString &name, QWidget *in = nullptr) const
    {
        auto *widget = (in ? in : m_panel.get())->findChild<T *>(name);
        if (!widget)
            qWarning("no widget %s", qPrintable(name));
        return widget;
    }
    QString text(const QString &labelName) const
    {
        auto *label = find<QLabel>(labelName);
        return label ? label->text() : QString();
    }
    TokenCard *showAndStore(const CreatePortfolioResult &result)
    {
        m_panel->showResult(Profile, result, Investment, RequestId, m_handOff.get());
        m_handOff->storeCreated(Profile, result, Investment, QString(), RequestId);
        return result.createdTokens.isEmpty() ? nullptr : m_panel->tokenCard(TokenId);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<PortfolioIndex> m_index;
    std::unique_ptr<TokenHandOff> m_handOff;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<ResultPanel> m_panel;
};

void tst_ResultPanel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QGuiApplication::clipboard()->clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<MemorySecretStore>();
    m_index = std::make_unique<PortfolioIndex>(m_dir->filePath(QStringLiteral("index.json")));
    QVERIFY(m_index->load());
    m_handOff = std::make_unique<TokenHandOff>(m_store.get(), m_index.get());
    m_clipboard = std::make_unique<ClipboardGuard>();
    m_panel = std::make_unique<ResultPanel>(m_clipboard.get());
    m_panel->resize(900, 640);
    m_panel->show();
}

void tst_ResultPanel::cleanup()
{
    m_panel.reset();
    m_clipboard.reset();
    // Let writes under way answer, then forget tokens a test left pending: the hand-off
    // warns about them otherwise.
    const auto settled = [this] {
        const QList<PendingToken> pending = m_handOff->pendingTokens();
        return std::none_of(pending.begin(), pending.end(),
                            [](const PendingToken &t) { return t.storing; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 10'000);
    for (const PendingToken &pending : m_handOff->pendingTokens())
        m_handOff->discard(pending.token.token.id);
    m_handOff.reset();
    m_index.reset();
    m_store.reset();
    m_dir.reset();
    QGuiApplication::clipboard()->clear();
}

void tst_ResultPanel::showsThePortfoliosFacts()
{
    showAndStore(created({ createdToken(TokenId, TokenValue) }));

    QCOMPARE(text(QStringLiteral("portfolioName")), QStringLiteral("MyPort1"));
    QCOMPARE(find<QLineEdit>(QStringLiteral("portfolioId"))->text(), PortfolioId);
    QVERIFY(find<QLineEdit>(QStringLiteral("portfolioId"))->isReadOnly());
    QCOMPARE(text(QStringLiteral("gcid")), QStringLiteral("12345678"));
    QCOMPARE(text(QStringLiteral("mirrorId")), QStringLiteral("98765"));
    QCOMPARE(text(QStringLiteral("virtualBalance")), VirtualBalance.toDisplayString());
    QCOMPARE(text(QStringLiteral("investment")), Investment.toDisplayString());
    QCOMPARE(text(QStringLiteral("positionSizing")), QStringLiteral("20 % of every trade"));
    QCOMPARE(find<QLineEdit>(QStringLiteral("requestId"))->text(),
             RequestId.toString(QUuid::WithoutBraces));
    QCOMPARE(m_panel->findChild<QWidget *>(QStringLiteral("noTokenBox")), nullptr);
    QCOMPARE(m_panel->tokenCards().size(), 1);
    QCOMPARE(m_panel->portfolioId(), PortfolioId);
}

void tst_ResultPanel::positionSizingPercent_data()
{
    QTest::addColumn<qint64>("investmentCents");
    QTest::addColumn<qint64>("balanceCents");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    const QLocale de(QLocale::German, QLocale::Germany);
    QTest::newRow("2,000 of 10,000")
        << qint64(200'000) << qint64(1'000'000) << en << QStringLiteral("20 %");
    QTest::newRow("one third") << qint64(100'000) << qint64(300'000) << en
                               << QStringLiteral("33.33 %");
    QTest::newRow("two thirds rounds up")
        << qint64(200'000) << qint64(300'000) << en << QStringLiteral("66.67 %");
    QTest::newRow("one decimal") << qint64(125'000) << qint64(1'000'000) << en
                                 << QStringLiteral("12.5 %");
    QTest::newRow("German decimal comma")
        << qint64(125'000) << qint64(1'000'000) << de << QStringLiteral("12,5 %");
    QTest::newRow("a cent of a million")
        << qint64(1) << qint64(100'000'000) << en << QStringLiteral("0 %");
    QTest::newRow("half a hundredth rounds up")
        << qint64(1) << qint64(20'000) << en << QStringLiteral("0.01 %");
    QTest::newRow("more than the balance")
        << qint64(2'500'000) << qint64(1'000'000) << en << QStringLiteral("250 %");
    QTest::newRow("largest investment")
        << Money::MaxCents << qint64(1'000'000) << en << QStringLiteral("1,000,000,000 %");
    QTest::newRow("no balance") << qint64(200'000) << qint64(0) << en << QString();
}

void tst_ResultPanel::positionSizingPercent()
{
    QFETCH(qint64, investmentCents);
    QFETCH(qint64, balanceCents);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);
    QCOMPARE(ResultPanel::positionSizingPercent(Money::fromCents(investmentCents),
                                                Money::fromCents(balanceCents), locale),
             expected);
}

void tst_ResultPanel::tokenCardShowsTheToken()
{
    CreatedToken token = createdToken(TokenId, TokenValue);
    TokenCard *card = showAndStore(created({ token }));
    QVERIFY(card);
    // The value shown only this once comes before the portfolio's facts, on screen and for Tab.
    QWidget *content = find(QStringLiteral("resultContent"));
    QWidget *portfolioId = find(QStringLiteral("portfolioId"));
    QVERIFY(content && portfolioId);
    QVERIFY(card->mapTo(content, QPoint(0, 0)).y() < portfolioId->mapTo(content, QPoint(0, 0)).y());
    QWidget *step = card;
    while (step != portfolioId && step != content)
        step = step->nextInFocusChain();
    QCOMPARE(step, portfolioId);
    QCOMPARE(text(QStringLiteral("tokenName")), token.token.name);
    const QString scopes = text(QStringLiteral("scopes"));
    QVERIFY2(scopes.contains(Scopes::displayName(200)) && scopes.contains(QStringLiteral("200")),
             qPrintable(scopes));
    QVERIFY2(scopes.contains(Scopes::displayName(202)) && scopes.contains(QStringLiteral("202")),
             qPrintable(scopes));
    QCOMPARE(text(QStringLiteral("ipAllowList")), QStringLiteral("203.0.113.7"));
    const QString expiry = text(QStringLiteral("expiry"));
    QVERIFY2(expiry.contains(QStringLiteral("2026-12-31 23:59:59 UTC")), qPrintable(expiry));
    const QString local =
        token.token.expiresAt->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QVERIFY2(expiry.startsWith(local), qPrintable(expiry));

    // No allow-list and no expiry read as such.
    token.token.id = SecondTokenId;
    token.token.ipsWhitelist.clear();
    token.token.expiresAt.reset();
    TokenCard other(token, m_clipboard.get());
    QCOMPARE(other.findChild<QLabel *>(QStringLiteral("ipAllowList"))->text(),
             QStringLiteral("Any address"));
    QCOMPARE(other.findChild<QLabel *>(QStringLiteral("expiry"))->text(), QStringLiteral("Never"));
}

void tst_ResultPanel::savingThenSaved()
{
    TokenCard *card = showAndStore(created({ createdToken(TokenId, TokenValue) }));
    QVERIFY(card);
    QCOMPARE(card->storageState(), TokenCard::State::Saving);
    QCOMPARE(text(QStringLiteral("storageState")), QStringLiteral("Saving…"));
    QVERIFY(m_panel->hasUnsavedTokens());
    QVERIFY(!find<QPushButton>(QStringLiteral("retryButton"))->isVisible());

    QTRY_COMPARE_WITH_TIMEOUT(card->storageState(), TokenCard::State::Saved, 10'000);
    QCOMPARE(text(QStringLiteral("storageState")), QStringLiteral("Saved in the keychain"));
    QVERIFY(!m_panel->hasUnsavedTokens());
    QCOMPARE(m_store->value(SecretKeys::tokenKey(Profile, TokenId)), Secret(TokenValue));
    QVERIFY(!find<QPushButton>(QStringLiteral("retryButton"))->isVisible());
}

void tst_ResultPanel::pendingShowsTheReasonStaysCopyableAndRetries()
{
    // Short enough that the token's card starts below the fold, under the heading and intro.
    m_panel->resize(900, 110);
    m_store->setFailure(Kind::AccessDenied);
    TokenCard *card = showAndStore(created({ createdToken(TokenId, TokenValue) }));
    QVERIFY(card);
    auto *scroll = find<QScrollArea>(QStringLiteral("resultScroll"));
    const auto cardTopShown = [&] {
        return scroll->viewport()->rect().contains(card->mapTo(scroll->viewport(), QPoint(0, 0)));
    };
    QVERIFY(!cardTopShown());
    QVERIFY(text(QStringLiteral("intro")).contains(QStringLiteral("saves it in your system")));
    QTRY_COMPARE_WITH_TIMEOUT(card->storageState(), TokenCard::State::Pending, 10'000);
    // The refusal is not left below the fold, and the top of the page no longer says "saves".
    QTRY_VERIFY(cardTopShown());
    QVERIFY2(text(QStringLiteral("intro")).contains(QStringLiteral("exists only in this window")),
             qPrintable(text(QStringLiteral("intro"))));

    const auto pending = m_handOff->pendingToken(TokenId);
    QVERIFY(pending && pending->error);
    const QString shown = text(QStringLiteral("storageState"));
    QVERIFY2(shown.startsWith(QStringLiteral("Not saved: ")), qPrintable(shown));
    QVERIFY2(shown.contains(pending->error->message), qPrintable(shown));
    QVERIFY2(
        shown.endsWith(QStringLiteral("The token exists only in this window until it is saved.")),
        qPrintable(shown));
    QVERIFY(m_panel->hasUnsavedTokens());
    auto *retry = find<QPushButton>(QStringLiteral("retryButton"));
    QVERIFY(retry->isVisible());

    // Still copyable, with the password-manager hint.
    QTest::mouseClick(find<QPushButton>(QStringLiteral("copyButton")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), TokenValue);
    QCOMPARE(
        QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
        QByteArrayLiteral("secret"));
    auto *status = find<QLabel>(QStringLiteral("clipboardStatus"));
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(QStringLiteral("30")), qPrintable(status->text()));

    // The keychain is back: Retry saves it.
    m_store->setFailure(std::nullopt);
    QSignalSpy stored(m_handOff.get(), &TokenHandOff::tokenStored);
    retry->setFocus(Qt::TabFocusReason);
    QTest::keyClick(retry, Qt::Key_Space);
    QCOMPARE(card->storageState(), TokenCard::State::Saving);
    QVERIFY(!retry->isVisible());
    // The focus stays on the card the user watches, not on the facts below it.
    QVERIFY(card->isAncestorOf(QApplication::focusWidget()));
    QTRY_COMPARE_WITH_TIMEOUT(card->storageState(), TokenCard::State::Saved, 10'000);
    QCOMPARE(stored.count(), 1);
    QVERIFY(!m_panel->hasUnsavedTokens());
    QCOMPARE(m_store->value(SecretKeys::tokenKey(Profile, TokenId)), Secret(TokenValue));
    QVERIFY(text(QStringLiteral("intro")).contains(QStringLiteral("saves it in your system")));
}

// A refused card below the fold (here the second token's) is brought into view, all of it:
// its reason and Retry too, which grow at its bottom when the refusal comes.
void tst_ResultPanel::aRefusedCardThatFitsIsShownWithItsReason()
{
    m_panel->resize(900, 330);
    m_store->setFailure(Kind::AccessDenied);
    showAndStore(created({ createdToken(TokenId, TokenValue),
                           createdToken(SecondTokenId, QStringLiteral("second-value")) }));
    TokenCard *second = m_panel->tokenCard(SecondTokenId);
    QVERIFY(second);
    auto *scroll = find<QScrollArea>(QStringLiteral("resultScroll"));
    auto *reason = find<QLabel>(QStringLiteral("storageState"), second);
    QVERIFY(scroll && reason);
    const auto inView = [&](QWidget *widget) {
        return scroll->viewport()->rect().contains(
            QRect(widget->mapTo(scroll->viewport(), QPoint(0, 0)), widget->size()));
    };
    QVERIFY(!inView(second));
    QTRY_COMPARE_WITH_TIMEOUT(second->storageState(), TokenCard::State::Pending, 10'000);
    QVERIFY2(second->height() <= scroll->viewport()->height(), "the card no longer fits the view");
    QTRY_VERIFY(inView(second));
    QVERIFY(inView(reason));
    QVERIFY(inView(find<QPushButton>(QStringLiteral("retryButton"), second)));
}

void tst_ResultPanel::eachTokenFollowsItsOwnAnswer()
{
    m_store->setKeyFailure(SecretKeys::tokenKey(Profile, SecondTokenId), Kind::TimedOut);
    showAndStore(created(
        { createdToken(TokenId, TokenValue), createdToken(SecondTokenId, SecondTokenValue) }));
    TokenCard *first = m_panel->tokenCard(TokenId);
    TokenCard *second = m_panel->tokenCard(SecondTokenId);
    QVERIFY(first && second);
    QTRY_COMPARE_WITH_TIMEOUT(first->storageState(), TokenCard::State::Saved, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(second->storageState(), TokenCard::State::Pending, 10'000);
    QVERIFY(m_panel->hasUnsavedTokens());
    QCOMPARE(second->storageProblem(), m_handOff->pendingToken(SecondTokenId)->error->message);
}

void tst_ResultPanel::retryStartedElsewhereShowsSaving()
{
    m_store->setFailure(Kind::NoKeychain);
    TokenCard *card = showAndStore(created({ createdToken(TokenId, TokenValue) }));
    QTRY_COMPARE_WITH_TIMEOUT(card->storageState(), TokenCard::State::Pending, 10'000);
    m_store->setFailure(std::nullopt);
    QVERIFY(m_handOff->retry(TokenId));
    QCOMPARE(card->storageState(), TokenCard::State::Saving);
    QTRY_COMPARE_WITH_TIMEOUT(card->storageState(), TokenCard::State::Saved, 10'000);
}

void tst_ResultPanel::tokenNotCreated()
{
    QSignalSpy addToken(m_panel.get(), &ResultPanel::addTokenRequested);
    showAndStore(created({}));
    QCOMPARE(text(QStringLiteral("noTokenMessage")),
             QStringLiteral("The portfolio was created, but eToro did not create its token."));
    QVERIFY(m_panel->tokenCards().isEmpty());
    QVERIFY(!m_panel->hasUnsavedTokens());
    QCOMPARE(text(QStringLiteral("gcid")), QStringLiteral("12345678"));

    auto *add = find<QPushButton>(QStringLiteral("addTokenButton"));
    QVERIFY(add->isVisible());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(addToken.count(), 1);
    QCOMPARE(addToken.first().at(0).toString(), PortfolioId);
}

void tst_ResultPanel::revealTogglesEchoMode()
{
    TokenCard *card = showAndStore(created({ createdToken(TokenId, TokenValue) }));
    auto *value = find<QLineEdit>(QStringLiteral("tokenValue"));
    auto *reveal = find<QPushButton>(QStringLiteral("revealButton"));
    QVERIFY(value->isReadOnly());
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QVERIFY(reveal->isCheckable());
    QCOMPARE(reveal->text(), QStringLiteral("Show"));
    QVERIFY(!value->displayText().contains(TokenValue));

    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(value->echoMode(), QLineEdit::Normal);
    QCOMPARE(value->displayText(), TokenValue);
    QCOMPARE(reveal->text(), QStringLiteral("Hide"));
    QVERIFY(card->isRevealed());

    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QCOMPARE(reveal->text(), QStringLiteral("Show"));
    QVERIFY(!card->isRevealed());
}

void tst_ResultPanel::maskedValueCannotBeCopiedFromTheField()
{
    showAndStore(created({ createdToken(TokenId, TokenValue) }));
    auto *value = find<QLineEdit>(QStringLiteral("tokenValue"));
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    value->selectAll();
    value->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("before"));

    QTest::mouseClick(find<QPushButton>(QStringLiteral("revealButton")), Qt::LeftButton);
    value->selectAll();
    value->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), TokenValue);
}

void tst_ResultPanel::copyIdsAsPlainText_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("expected");
    QTest::newRow("portfolio id") << QStringLiteral("portfolioIdCopyButton") << PortfolioId;
    QTest::newRow("request id") << QStringLiteral("requestIdCopyButton")
                                << RequestId.toString(QUuid::WithoutBraces);
}

void tst_ResultPanel::copyIdsAsPlainText()
{
    QFETCH(QString, button);
    QFETCH(QString, expected);
    showAndStore(created({ createdToken(TokenId, TokenValue) }));
    QTest::mouseClick(find<QPushButton>(button), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
    QVERIFY(!QGuiApplication::clipboard()->mimeData()->hasFormat(
        QStringLiteral("x-kde-passwordManagerHint")));
    QCOMPARE(m_clipboard->secondsLeft(), 0);
}

void tst_ResultPanel::createAnother()
{
    QSignalSpy another(m_panel.get(), &ResultPanel::createAnotherRequested);
    showAndStore(created({ createdToken(TokenId, TokenValue) }));
    QTest::mouseClick(find<QPushButton>(QStringLiteral("createAnotherButton")), Qt::LeftButton);
    QCOMPARE(another.count(), 1);
}

void tst_ResultPanel::aSecondResultReplacesTheFirst()
{
    m_store->setFailure(Kind::AccessDenied);
    showAndStore(created({ createdToken(TokenId, TokenValue) }));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->tokenCard(TokenId)->storageState(),
                              TokenCard::State::Pending, 10'000);

    // Shown from the old content's own button, as the main window would.
    CreatePortfolioResult second = created({});
    second.portfolio.id = QStringLiteral("b2c3d4e5-f6a7-8901-bcde-f12345678901");
    second.portfolio.gcid = 87654321;
    connect(m_panel.get(), &ResultPanel::createAnotherRequested, this, [&] {
        m_panel->showResult(Profile, second, Investment, QUuid::createUuid(), m_handOff.get());
    });
    QTest::mouseClick(find<QPushButton>(QStringLiteral("createAnotherButton")), Qt::LeftButton);
    QTest::qWait(0); // the old content is deleted later
    QCOMPARE(m_panel->findChildren<QPushButton *>(QStringLiteral("createAnotherButton")).size(), 1);
    QVERIFY(m_panel->tokenCards().isEmpty());
    QCOMPARE(text(QStringLiteral("gcid")), QStringLiteral("87654321"));
    QCOMPARE(m_panel->portfolioId(), second.portfolio.id);
    // The first token's answers no longer reach this panel (and nothing crashes).
    m_store->setFailure(std::nullopt);
    QVERIFY(m_handOff->retry(TokenId));
    QTRY_VERIFY_WITH_TIMEOUT(!m_handOff->pendingToken(TokenId), 10'000);
    QVERIFY(!m_panel->hasUnsavedTokens());
}

// CreateFlow::unplacedTokens(): values nothing can save, one of them for a token whose own
// value the hand-off is saving. They are shown, copyable, and never take the hand-off's
// answers for their ids.
void tst_ResultPanel::tokensHeldHereAreShownForCopyingOnly()
{
    const CreatePortfolioResult result = created({ createdToken(SecondTokenId, SecondTokenValue) });
    const QString heldValue = QStringLiteral("sk_held_for_copying_only");
    const QList<CreatedToken> heldHere { createdToken(TokenId, heldValue),
                                         createdToken(QString(), QStringLiteral("sk_no_id")) };
    m_panel->showResult(Profile, result, Investment, RequestId, m_handOff.get(), heldHere);
    QSignalSpy stored(m_handOff.get(), &TokenHandOff::tokenStored);
    m_handOff->storeCreated(Profile, result, Investment, QString(), RequestId);
    // Meanwhile the hand-off saves the held token's own value, from elsewhere.
    m_handOff->storeCreated(Profile, created({ createdToken(TokenId, TokenValue) }), Investment,
                            QString(), RequestId);
    QTRY_COMPARE(stored.size(), 2);

    const QList<TokenCard *> cards = m_panel->tokenCards();
    QCOMPARE(cards.size(), 3);
    QCOMPARE(cards.at(0)->storageState(), TokenCard::State::Saved);
    // Saved is about the hand-off's value, not this one: the card keeps saying so.
    QCOMPARE(m_panel->tokenCard(TokenId), nullptr);
    QCOMPARE(cards.at(1)->storageState(), TokenCard::State::Unsaveable);
    QVERIFY2(cards.at(1)->storageProblem().contains(QStringLiteral("keychain holds a value")),
             qPrintable(cards.at(1)->storageProblem()));
    QCOMPARE(cards.at(2)->storageState(), TokenCard::State::Unsaveable);
    QVERIFY2(cards.at(2)->storageProblem().contains(QStringLiteral("did not say")),
             qPrintable(cards.at(2)->storageProblem()));
    QVERIFY(m_panel->hasUnsavedTokens());
    QCOMPARE(m_store->value(SecretKeys::tokenKey(Profile, TokenId)), Secret(TokenValue));

    auto *copy = find<QPushButton>(QStringLiteral("copyButton"), cards.at(1));
    QVERIFY(copy && copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text() == heldValue);
}

void tst_ResultPanel::everyInputIsNamedAndNoneNamedBySecret()
{
    m_store->setFailure(Kind::AccessDenied);
    TokenCard *card = showAndStore(created(
        { createdToken(TokenId, TokenValue), createdToken(SecondTokenId, SecondTokenValue) }));
    QTRY_COMPARE_WITH_TIMEOUT(card->storageState(), TokenCard::State::Pending, 10'000);
    // Revealed, so that a name derived from the text would show the value.
    for (auto *reveal : m_panel->findChildren<QPushButton *>(QStringLiteral("revealButton")))
        QTest::mouseClick(reveal, Qt::LeftButton);

    QList<QWidget *> inputs;
    for (QWidget *w : m_panel->findChildren<QWidget *>()) {
        if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
            || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w))
            inputs.append(w);
    }
    QVERIFY(inputs.size() >= 10);
    for (QWidget *w : std::as_const(inputs)) {
        QVERIFY2(!w->accessibleName().isEmpty(),
                 qPrintable(
                     QStringLiteral("%1 (%2) has no accessible name")
                         .arg(w->objectName(), QString::fromLatin1(w->metaObject()->className()))));
    }
    for (QWidget *w : m_panel->findChildren<QWidget *>()) {
        for (const QString &secret : { TokenValue, SecondTokenValue }) {
            QVERIFY2(!w->accessibleName().contains(secret)
                         && !w->accessibleDescription().contains(secret)
                         && !w->toolTip().contains(secret),
                     qPrintable(w->objectName()));
        }
    }
}

QTEST_MAIN(tst_ResultPanel)
#include "tst_resultpanel.moc"
