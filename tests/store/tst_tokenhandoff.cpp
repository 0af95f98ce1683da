#include "secretwait.h"
#include "store/memorysecretstore.h"
#include "store/secretjob.h"
#include "store/secretkeys.h"
#include "store/tokenhandoff.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace agentfolio;
using Kind = SecretStoreError::Kind;

Q_DECLARE_METATYPE(agentfolio::SecretStoreError::Kind)
Q_DECLARE_METATYPE(agentfolio::InterruptedToken::Outcome)

namespace {

// JSON written with single quotes, for readability (and because moc trips over raw strings).
QByteArray json(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

const QString Profile1 = QStringLiteral("main");
const QString PortfolioId = QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
const QUuid RequestId(QStringLiteral("{8486c781-c1e6-484f-8816-b195f3af7be3}"));

CreatedToken createdToken(const QString &id, const QString &secret)
{
    CreatedToken t;
    t.token.id = id;
    t.token.name = QStringLiteral("token-") + id;
    t.token.clientId = QStringLiteral("client");
    t.token.scopeIds = { 200, 202 };
    t.secret = Secret(secret);
    return t;
}

CreatePortfolioResult created(const QList<CreatedToken> &tokens)
{
    CreatePortfolioResult r;
    r.portfolio.id = PortfolioId;
    r.portfolio.name = QStringLiteral("MyPort1");
    r.portfolio.gcid = 12345678;
    r.portfolio.virtualBalance = Money::fromCents(1'000'000);
    r.portfolio.mirrorId = 12345;
    r.createdTokens = tokens;
    r.tokenCreated = !tokens.isEmpty();
    return r;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_TokenHandOff : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    MemorySecretStore *m_store = nullptr;
    PortfolioIndex *m_index = nullptr;
    TokenHandOff *m_handOff = nullptr;

    QString indexPath() const { return m_dir->filePath(QStringLiteral("index.json")); }
    std::optional<IndexedToken> indexed(const QString &tokenId) const
    {
        return m_index->token(Profile1, PortfolioId, tokenId);
    }
    void storeCreatedAndWait(const QList<CreatedToken> &tokens)
    {
        QSignalSpy finished(m_handOff, &TokenHandOff::handOffFinished);
        m_handOff->storeCreated(Profile1, created(tokens), Money::fromCents(200'000),
                                QStringLiteral("My trading portfolio"), RequestId);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
        QCOMPARE(finished.at(0).at(0).toString(), Profile1);
        QCOMPARE(finished.at(0).at(1).toString(), PortfolioId);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_store = new MemorySecretStore;
        m_index = new PortfolioIndex(indexPath());
        m_index->load();
        m_handOff = new TokenHandOff(m_store, m_index);
    }
    void cleanup()
    {
        delete m_handOff;
        delete m_index;
        delete m_store;
        delete m_dir;
    }

    void allStored()
    {
        agentfolio::test::LogWatcher leaks(QStringLiteral("secret-one-x"));
        QSignalSpy stored(m_handOff, &TokenHandOff::tokenStored);
        QSignalSpy pending(m_handOff, &TokenHandOff::tokenPending);
        storeCreatedAndWait({ createdToken(QStringLiteral("t1"), QStringLiteral("secret-one-x")),
                              createdToken(QStringLiteral("t2"), QStringLiteral("secret-two-x")) });
        QCOMPARE(stored.count(), 2);
        QCOMPARE(pending.count(), 0);
        QVERIFY(!m_handOff->hasPendingTokens());

        // Secrets in the store under the profile's keys.
        QVERIFY(m_store->value(SecretKeys::tokenKey(Profile1, QStringLiteral("t1")))
                == Secret(QStringLiteral("secret-one-x")));
        QVERIFY(m_store->value(SecretKeys::tokenKey(Profile1, QStringLiteral("t2")))
                == Secret(QStringLiteral("secret-two-x")));

        // The index: the portfolio with what only we know, tokens marked stored.
        const auto p = m_index->portfolio(Profile1, PortfolioId);
        QVERIFY(p);
        QCOMPARE(p->name, QStringLiteral("MyPort1"));
        QVERIFY(p->investment == Money::fromCents(200'000));
        QCOMPARE(p->description, QStringLiteral("My trading portfolio"));
        QCOMPARE(p->createdByRequestId, RequestId);
        QVERIFY(p->createdAt.has_value());
        QCOMPARE(p->tokens.size(), 2);
        QVERIFY(indexed(QStringLiteral("t1"))->secretStored);
        QVERIFY(indexed(QStringLiteral("t2"))->secretStored);
        QVERIFY(indexed(QStringLiteral("t1"))->token.createdAt.has_value());

        // No secret in the index file.
        const QByteArray file = fileBytes(indexPath());
        QVERIFY(file.contains(PortfolioId.toUtf8()));
        QVERIFY(!file.contains("secret-one-x"));
        QVERIFY(!file.contains("secret-two-x"));
        QCOMPARE(leaks.count(), 0); // and none in the log
    }

    void keychainFails_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::newRow("NoKeychain") << Kind::NoKeychain;
        QTest::newRow("AccessDenied") << Kind::AccessDenied;
        QTest::newRow("TimedOut") << Kind::TimedOut;
        QTest::newRow("Other") << Kind::Other;
    }

    // The token stays pending, in memory only; the portfolio is recorded anyway; a retry
    // stores it once the keychain works.
    void keychainFails()
    {
        QFETCH(Kind, kind);
        agentfolio::test::LogWatcher leaks(QStringLiteral("kept-in-memory"));
        m_store->setFailure(kind);
        QSignalSpy pending(m_handOff, &TokenHandOff::tokenPending);
        QSignalSpy stored(m_handOff, &TokenHandOff::tokenStored);
        QSignalSpy pendingChanged(m_handOff, &TokenHandOff::pendingTokensChanged);
        storeCreatedAndWait(
            { createdToken(QStringLiteral("t1"), QStringLiteral("kept-in-memory")) });

        QCOMPARE(pending.count(), 1);
        QCOMPARE(pending.at(0).at(2).toString(), QStringLiteral("t1"));
        QCOMPARE(pending.at(0).at(3).value<SecretStoreError>().kind, kind);
        QCOMPARE(stored.count(), 0);
        QVERIFY(pendingChanged.count() >= 2); // entered (storing), then failed

        const QList<PendingToken> list = m_handOff->pendingTokens();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().profileId, Profile1);
        QCOMPARE(list.first().portfolioId, PortfolioId);
        QCOMPARE(list.first().portfolioName, QStringLiteral("MyPort1"));
        QVERIFY(list.first().token.secret == Secret(QStringLiteral("kept-in-memory")));
        QVERIFY(!list.first().storing);
        QCOMPARE(list.first().error->kind, kind);

        QVERIFY(m_index->portfolio(Profile1, PortfolioId));
        QVERIFY(!indexed(QStringLiteral("t1"))->secretStored);
        QVERIFY(!fileBytes(indexPath()).contains("kept-in-memory"));
        QVERIFY(m_store->keys().isEmpty());

        // Retry while the keychain still fails: still pending, with the new error.
        QVERIFY(m_handOff->retry(QStringLiteral("t1")));
        QVERIFY(m_handOff->pendingToken(QStringLiteral("t1"))->storing);
        QTRY_COMPARE(pending.count(), 2);
        QVERIFY(m_handOff->hasPendingTokens());

        // Retry once it works.
        m_store->setFailure(std::nullopt);
        QVERIFY(m_handOff->retry(QStringLiteral("t1")));
        QTRY_COMPARE(stored.count(), 1);
        QVERIFY(!m_handOff->hasPendingTokens());
        QVERIFY(!m_handOff->pendingToken(QStringLiteral("t1")));
        QVERIFY(m_store->value(SecretKeys::tokenKey(Profile1, QStringLiteral("t1")))
                == Secret(QStringLiteral("kept-in-memory")));
        QVERIFY(indexed(QStringLiteral("t1"))->secretStored);
        PortfolioIndex reread(indexPath());
        reread.load();
        QVERIFY(reread.token(Profile1, PortfolioId, QStringLiteral("t1"))->secretStored);
        QCOMPARE(leaks.count(), 0);
    }

    void oneOfTwoFails()
    {
        m_store->setKeyFailure(SecretKeys::tokenKey(Profile1, QStringLiteral("t2")),
                               Kind::AccessDenied);
        storeCreatedAndWait({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")),
                              createdToken(QStringLiteral("t2"), QStringLiteral("s2")) });
        QVERIFY(indexed(QStringLiteral("t1"))->secretStored);
        QVERIFY(!indexed(QStringLiteral("t2"))->secretStored);
        QCOMPARE(m_handOff->pendingTokens().size(), 1);
        QCOMPARE(m_handOff->pendingTokens().first().token.token.id, QStringLiteral("t2"));
    }

    // Pending tokens never go away by themselves; discard() is the only way out.
    void discardOnlyOnRequest()
    {
        m_store->setFailure(Kind::NoKeychain);
        storeCreatedAndWait({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")) });
        // Time passes and other hand-offs come and go: it stays.
        m_store->setFailure(std::nullopt);
        QSignalSpy finished(m_handOff, &TokenHandOff::handOffFinished);
        m_handOff->storeAddedToken(Profile1, PortfolioId,
                                   createdToken(QStringLiteral("t2"), QStringLiteral("s2")));
        QTRY_COMPARE(finished.count(), 1);
        QTest::qWait(50);
        QCOMPARE(m_handOff->pendingTokens().size(), 1);

        QVERIFY(!m_handOff->discard(QStringLiteral("unknown")));
        QSignalSpy changed(m_handOff, &TokenHandOff::pendingTokensChanged);
        QVERIFY(m_handOff->discard(QStringLiteral("t1")));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!m_handOff->hasPendingTokens());
        QVERIFY(!m_handOff->retry(QStringLiteral("t1")));
        QVERIFY(!m_handOff->discard(QStringLiteral("t1")));
        // The index still records the token, without its secret.
        QVERIFY(indexed(QStringLiteral("t1")));
        QVERIFY(!indexed(QStringLiteral("t1"))->secretStored);
        QVERIFY(!m_store->contains(SecretKeys::tokenKey(Profile1, QStringLiteral("t1"))));
    }

    // While a write is under way the token can be neither discarded nor retried; a hung
    // keychain ends in a timeout, and the token is then pending.
    void storingCannotBeDiscarded()
    {
        m_store->setTimeout(std::chrono::milliseconds(200));
        m_store->setNeverAnswer(true);
        QSignalSpy pending(m_handOff, &TokenHandOff::tokenPending);
        m_handOff->storeCreated(
            Profile1, created({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")) }),
            Money::fromCents(100), QString(), RequestId);
        QCOMPARE(m_handOff->pendingTokens().size(), 1);
        QVERIFY(m_handOff->pendingTokens().first().storing);
        QVERIFY(!m_handOff->discard(QStringLiteral("t1")));
        QVERIFY(!m_handOff->retry(QStringLiteral("t1")));
        QTRY_COMPARE(pending.count(), 1);
        QCOMPARE(pending.at(0).at(3).value<SecretStoreError>().kind, Kind::TimedOut);
        QVERIFY(m_index->portfolio(Profile1, PortfolioId));
        QVERIFY(m_handOff->discard(QStringLiteral("t1")));
    }

    // A retry that succeeds while other tokens of the same answer are still being written
    // must not be undone when the index is written for the whole answer.
    void retrySucceedsBeforeBatchCompletes()
    {
        m_store->setTimeout(std::chrono::seconds(30));
        m_store->setNeverAnswer(true);
        const QString key1 = SecretKeys::tokenKey(Profile1, QStringLiteral("t1"));
        const QString key2 = SecretKeys::tokenKey(Profile1, QStringLiteral("t2"));
        m_store->setKeyFailure(key1, Kind::AccessDenied);
        QSignalSpy pending(m_handOff, &TokenHandOff::tokenPending);
        QSignalSpy stored(m_handOff, &TokenHandOff::tokenStored);
        QSignalSpy finished(m_handOff, &TokenHandOff::handOffFinished);
        m_handOff->storeCreated(
            Profile1,
            created({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")),
                      createdToken(QStringLiteral("t2"), QStringLiteral("s2")) }),
            Money::fromCents(100), QString(), RequestId);
        QTRY_COMPARE(m_store->hangingCount(), 2);
        m_store->answerHanging(key1);
        QTRY_COMPARE(pending.count(), 1);

        m_store->setKeyFailure(key1, std::nullopt);
        m_store->setNeverAnswer(false);
        QVERIFY(m_handOff->retry(QStringLiteral("t1")));
        QTRY_COMPARE(stored.count(), 1);
        QCOMPARE(finished.count(), 0); // t2 still outstanding

        m_store->answerHanging(key2);
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(indexed(QStringLiteral("t1"))->secretStored);
        QVERIFY(indexed(QStringLiteral("t2"))->secretStored);
    }

    // 207: the portfolio exists, money moved, no token: recorded all the same.
    void portfolioWithoutToken()
    {
        QSignalSpy changed(m_handOff, &TokenHandOff::pendingTokensChanged);
        storeCreatedAndWait({});
        const auto p = m_index->portfolio(Profile1, PortfolioId);
        QVERIFY(p);
        QVERIFY(p->tokens.isEmpty());
        QVERIFY(p->investment == Money::fromCents(200'000));
        QCOMPARE(changed.count(), 0);
        QVERIFY(!m_handOff->hasPendingTokens());
    }

    void addedToken()
    {
        storeCreatedAndWait({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")) });
        QSignalSpy finished(m_handOff, &TokenHandOff::handOffFinished);
        m_handOff->storeAddedToken(Profile1, PortfolioId,
                                   createdToken(QStringLiteral("t2"), QStringLiteral("s2")));
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(2).toBool());
        QCOMPARE(m_index->portfolio(Profile1, PortfolioId)->tokens.size(), 2);
        QVERIFY(indexed(QStringLiteral("t2"))->secretStored);
        QVERIFY(m_store->value(SecretKeys::tokenKey(Profile1, QStringLiteral("t2")))
                == Secret(QStringLiteral("s2")));

        // A token for a portfolio the index does not know yet.
        m_store->setFailure(Kind::AccessDenied);
        m_handOff->storeAddedToken(Profile1, QStringLiteral("unknown-portfolio"),
                                   createdToken(QStringLiteral("t3"), QStringLiteral("s3")));
        QTRY_COMPARE(finished.count(), 2);
        const auto t3 =
            m_index->token(Profile1, QStringLiteral("unknown-portfolio"), QStringLiteral("t3"));
        QVERIFY(t3);
        QVERIFY(!t3->secretStored);
        QCOMPARE(m_handOff->pendingTokens().size(), 1);
    }

    // The index cannot be written (a newer version's file): the secret is still stored,
    // and the caller learns that the index was not saved.
    void indexNotSaved()
    {
        delete m_handOff;
        delete m_index;
        QFile file(indexPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json("{'format':'agentfolio-index','version':99}"));
        file.close();
        m_index = new PortfolioIndex(indexPath());
        m_index->load();
        QVERIFY(m_index->isReadOnly());
        m_handOff = new TokenHandOff(m_store, m_index);

        QSignalSpy finished(m_handOff, &TokenHandOff::handOffFinished);
        m_handOff->storeCreated(
            Profile1, created({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")) }),
            Money::fromCents(100), QString(), RequestId);
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!finished.at(0).at(2).toBool());
        QVERIFY(m_store->contains(SecretKeys::tokenKey(Profile1, QStringLiteral("t1"))));
        QVERIFY(indexed(QStringLiteral("t1"))->secretStored); // in memory
    }

    // Step 1 before step 2: the portfolio and its token, marked as being handed off, are on
    // disk before the keychain has answered; step 3 clears the mark.
    void indexRecordsTheHandOffBeforeTheKeychainAnswers()
    {
        m_store->setTimeout(std::chrono::seconds(30));
        m_store->setNeverAnswer(true);
        QSignalSpy finished(m_handOff, &TokenHandOff::handOffFinished);
        m_handOff->storeCreated(
            Profile1, created({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")) }),
            Money::fromCents(100), QString(), RequestId);

        PortfolioIndex onDisk(indexPath());
        QVERIFY(onDisk.load());
        const auto during = onDisk.token(Profile1, PortfolioId, QStringLiteral("t1"));
        QVERIFY(during);
        QVERIFY(!during->secretStored);
        QVERIFY(!during->handOffOwner.isEmpty());
        QVERIFY(onDisk.portfolio(Profile1, PortfolioId)->investment == Money::fromCents(100));

        QTRY_COMPARE(m_store->hangingCount(), 1);
        m_store->answerHanging(SecretKeys::tokenKey(Profile1, QStringLiteral("t1")));
        QTRY_COMPARE(finished.count(), 1);
        PortfolioIndex after(indexPath());
        QVERIFY(after.load());
        const auto settled = after.token(Profile1, PortfolioId, QStringLiteral("t1"));
        QVERIFY(settled->secretStored);
        QVERIFY(settled->handOffOwner.isEmpty());
        QVERIFY(!fileBytes(indexPath()).contains("handOffOwner"));
    }

    // A token the keychain refused keeps its mark while this Agentfolio holds its secret;
    // the user's discard() clears it.
    void pendingTokenKeepsItsMarkUntilDiscarded()
    {
        m_store->setFailure(Kind::AccessDenied);
        storeCreatedAndWait({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")) });
        QVERIFY(!indexed(QStringLiteral("t1"))->handOffOwner.isEmpty());
        QVERIFY(m_handOff->discard(QStringLiteral("t1")));
        QVERIFY(indexed(QStringLiteral("t1"))->handOffOwner.isEmpty());
        QVERIFY(!indexed(QStringLiteral("t1"))->secretStored);
    }

    // Discarded while another token of the same answer is still being written: the mark
    // leaves the file at once, so a crash before the batch ends does not report as lost
    // a token the user let go.
    void discardWhileBatchOpenClearsTheMarkOnDisk()
    {
        m_store->setTimeout(std::chrono::seconds(30));
        m_store->setNeverAnswer(true);
        const QString key1 = SecretKeys::tokenKey(Profile1, QStringLiteral("t1"));
        m_store->setKeyFailure(key1, Kind::AccessDenied);
        QSignalSpy pending(m_handOff, &TokenHandOff::tokenPending);
        QSignalSpy finished(m_handOff, &TokenHandOff::handOffFinished);
        m_handOff->storeCreated(
            Profile1,
            created({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")),
                      createdToken(QStringLiteral("t2"), QStringLiteral("s2")) }),
            Money::fromCents(100), QString(), RequestId);
        QTRY_COMPARE(m_store->hangingCount(), 2);
        m_store->answerHanging(key1);
        QTRY_COMPARE(pending.count(), 1);
        QVERIFY(m_handOff->discard(QStringLiteral("t1")));
        QCOMPARE(finished.count(), 0); // t2 still outstanding

        PortfolioIndex onDisk(indexPath());
        QVERIFY(onDisk.load());
        QVERIFY(onDisk.token(Profile1, PortfolioId, QStringLiteral("t1"))->handOffOwner.isEmpty());
        QVERIFY(!onDisk.token(Profile1, PortfolioId, QStringLiteral("t2"))->handOffOwner.isEmpty());

        m_store->answerHanging(SecretKeys::tokenKey(Profile1, QStringLiteral("t2")));
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(indexed(QStringLiteral("t1"))->handOffOwner.isEmpty());
        QVERIFY(!indexed(QStringLiteral("t1"))->secretStored);
        QVERIFY(indexed(QStringLiteral("t2"))->secretStored);
    }

    // The same token in a second answer while its secret is still held from the first:
    // it stays this Agentfolio's hand-off, marked.
    void tokenAlreadyHeldKeepsItsMark()
    {
        m_store->setFailure(Kind::AccessDenied);
        storeCreatedAndWait({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")) });
        QVERIFY(!indexed(QStringLiteral("t1"))->handOffOwner.isEmpty());
        QSignalSpy finished(m_handOff, &TokenHandOff::handOffFinished);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("already held")));
        m_handOff->storeAddedToken(Profile1, PortfolioId,
                                   createdToken(QStringLiteral("t1"), QStringLiteral("s1")));
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!indexed(QStringLiteral("t1"))->handOffOwner.isEmpty());
        QVERIFY(m_handOff->pendingToken(QStringLiteral("t1")));
    }

    // With no lock of its own (the folder beside the index cannot be made), this
    // Agentfolio marks nothing: another one would take its marks for abandoned ones.
    void noMarkWithoutALock()
    {
        QFile blocker(m_dir->filePath(QStringLiteral("running")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot create")));
        m_store->setFailure(Kind::AccessDenied);
        storeCreatedAndWait({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")) });
        QVERIFY(indexed(QStringLiteral("t1"))->handOffOwner.isEmpty());
        QVERIFY(m_handOff->pendingToken(QStringLiteral("t1"))); // still held, still shown
    }

    // An Agentfolio stopped between the keychain write and the index write (here: its
    // hand-off is destroyed while the keychain write hangs, so step 3 never happens). The
    // next one finds the token in the keychain, or reports it lost, or (keychain refusing)
    // leaves it to be checked again; never says nothing.
    void recoverInterrupted_data()
    {
        QTest::addColumn<bool>("secretReachedKeychain");
        QTest::addColumn<std::optional<Kind>>("keychainFailure");
        // Only the short-lived entry that shows the keychain is open fails.
        QTest::addColumn<std::optional<Kind>>("checkFailure");
        QTest::addColumn<InterruptedToken::Outcome>("outcome");
        QTest::addColumn<bool>("stored");
        QTest::addColumn<bool>("stillMarked");
        const std::optional<Kind> none;
        QTest::newRow("secret in the keychain")
            << true << none << none << InterruptedToken::Outcome::Found << true << false;
        QTest::newRow("secret never written")
            << false << none << none << InterruptedToken::Outcome::Lost << false << false;
        QTest::newRow("keychain locked now")
            << true << std::optional<Kind>(Kind::AccessDenied) << none
            << InterruptedToken::Outcome::Unchecked << false << true;
        QTest::newRow("keychain absent now")
            << false << std::optional<Kind>(Kind::NoKeychain) << none
            << InterruptedToken::Outcome::Unchecked << false << true;
        // gnome-keyring, locked with no prompt possible, answers a read with "no such
        // entry": that must not make a stored token lost.
        QTest::newRow("locked keychain that says no such entry")
            << false << none << std::optional<Kind>(Kind::AccessDenied)
            << InterruptedToken::Outcome::Unchecked << false << true;
        QTest::newRow("keychain that cannot read back what it saved")
            << false << none << std::optional<Kind>(Kind::NotFound)
            << InterruptedToken::Outcome::Unchecked << false << true;
    }
    void recoverInterrupted()
    {
        QFETCH(bool, secretReachedKeychain);
        QFETCH(std::optional<Kind>, keychainFailure);
        QFETCH(std::optional<Kind>, checkFailure);
        QFETCH(InterruptedToken::Outcome, outcome);
        QFETCH(bool, stored);
        QFETCH(bool, stillMarked);

        m_store->setTimeout(std::chrono::seconds(30));
        m_store->setNeverAnswer(true);
        m_handOff->storeCreated(
            Profile1, created({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")) }),
            Money::fromCents(100), QString(), RequestId);
        QTRY_COMPARE(m_store->hangingCount(), 1);
        // The first Agentfolio "dies": its hand-off goes without a word.
        delete m_handOff;
        m_handOff = nullptr;
        m_store->setNeverAnswer(false);
        if (secretReachedKeychain) {
            QSignalSpy written(m_store->write(SecretKeys::tokenKey(Profile1, QStringLiteral("t1")),
                                              Secret(QStringLiteral("s1"))),
                               &SecretJob::finished);
            QTRY_COMPARE(written.count(), 1);
        }
        m_store->setFailure(keychainFailure);
        const QString checkKey = SecretKeys::keychainCheckKey(Profile1);
        m_store->setKeyFailure(checkKey, checkFailure);

        // The next Agentfolio.
        delete m_index;
        m_index = new PortfolioIndex(indexPath());
        QVERIFY(m_index->load());
        QVERIFY(!indexed(QStringLiteral("t1"))->handOffOwner.isEmpty());
        m_handOff = new TokenHandOff(m_store, m_index);
        QSignalSpy checked(m_handOff, &TokenHandOff::interruptedTokensChecked);
        m_handOff->recoverInterrupted(Profile1);
        m_handOff->recoverInterrupted(Profile1); // once under way, a second call adds nothing
        QTRY_COMPARE(checked.count(), 1);
        QTest::qWait(20);
        QCOMPARE(checked.count(), 1);
        QCOMPARE(checked.at(0).at(0).toString(), Profile1);
        const auto tokens = checked.at(0).at(1).value<QList<InterruptedToken>>();
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.first().tokenId, QStringLiteral("t1"));
        QCOMPARE(tokens.first().tokenName, QStringLiteral("token-t1"));
        QCOMPARE(tokens.first().portfolioName, QStringLiteral("MyPort1"));
        QCOMPARE(tokens.first().outcome, outcome);
        QCOMPARE(tokens.first().error.has_value(), outcome == InterruptedToken::Outcome::Unchecked);

        PortfolioIndex onDisk(indexPath());
        QVERIFY(onDisk.load());
        const auto t1 = onDisk.token(Profile1, PortfolioId, QStringLiteral("t1"));
        QCOMPARE(t1->secretStored, stored);
        QCOMPARE(!t1->handOffOwner.isEmpty(), stillMarked);
        // The secret itself was only looked at, never moved.
        QCOMPARE(m_store->contains(SecretKeys::tokenKey(Profile1, QStringLiteral("t1"))),
                 secretReachedKeychain);
        // The keychain check leaves nothing behind.
        m_store->setKeyFailure(checkKey, std::nullopt);
        QTRY_VERIFY(!m_store->contains(checkKey));
    }

    // A hand-off that a running Agentfolio is doing is its own: another one leaves it alone.
    void runningHandOffIsNotRecovered()
    {
        m_store->setTimeout(std::chrono::seconds(30));
        m_store->setNeverAnswer(true);
        QSignalSpy finished(m_handOff, &TokenHandOff::handOffFinished);
        m_handOff->storeCreated(
            Profile1, created({ createdToken(QStringLiteral("t1"), QStringLiteral("s1")) }),
            Money::fromCents(100), QString(), RequestId);
        QTRY_COMPARE(m_store->hangingCount(), 1);

        PortfolioIndex otherIndex(indexPath());
        QVERIFY(otherIndex.load());
        TokenHandOff other(m_store, &otherIndex);
        QSignalSpy checked(&other, &TokenHandOff::interruptedTokensChecked);
        other.recoverInterrupted(Profile1);
        m_handOff->recoverInterrupted(Profile1); // its own: nothing to recover either
        QTest::qWait(50);
        QCOMPARE(checked.count(), 0);
        QCOMPARE(m_store->startedCount(), 1); // the hanging write; no read

        m_store->answerHanging(SecretKeys::tokenKey(Profile1, QStringLiteral("t1")));
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(indexed(QStringLiteral("t1"))->secretStored);
    }
};

QTEST_GUILESS_MAIN(tst_TokenHandOff)
#include "tst_tokenhandoff.moc"
