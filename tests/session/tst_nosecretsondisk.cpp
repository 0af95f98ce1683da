// After a full create-and-store run with the real keychain, no secret (API key,
// user key, token) may be found in any file of the user's HOME or XDG directories: not the index,
// not QSettings, not the sandbox's state, not a log. The keychain itself must hold the token, so
// the test cannot pass by storing nothing.
#include "sandbox/sandboxserver.h"
#include "session/createflow.h"
#include "session/session.h"
#include "store/keychainsecretstore.h"
#include "store/profilekeys.h"
#include "store/profilestore.h"
#include "store/secretkeys.h"
#include "store/tokenhandoff.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace agentfolio;

class TestNoSecretsOnDisk : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fullRunLeavesNoSecretInAnyFile();
};

void TestNoSecretsOnDisk::initTestCase()
{
    // tests/with-keyring.sh gives this test a throwaway HOME; refuse to scan a real one.
    QVERIFY2(QDir::homePath().startsWith(QDir::tempPath()),
             "HOME is not a throwaway directory; run through ctest (with-keyring.sh)");
    QStandardPaths::setTestModeEnabled(false);
    QCoreApplication::setApplicationName(QStringLiteral("agentfolio"));
    QCoreApplication::setOrganizationName(QStringLiteral("agentfolio"));
}

void TestNoSecretsOnDisk::fullRunLeavesNoSecretInAnyFile()
{
    // The user's real locations (inside the throwaway HOME) and the real keychain.
    Session session;
    QVERIFY(qobject_cast<KeychainSecretStore *>(session.secrets()));

    // A real-account profile, with keys that only the keychain may hold.
    const ApiCredentials keys { Secret(QStringLiteral("apikey-7c1e0b5d9f2a4e68")),
                                Secret(QStringLiteral("userkey-3b8f6a0c2d9e4f71")) };
    Profile real;
    real.displayName = QStringLiteral("My eToro");
    real.baseUrl = QUrl(QStringLiteral("https://public-api.etoro.com"));
    const auto added = session.profiles()->add(real);
    QVERIFY(added);
    bool written = false;
    ProfileKeys::write(
        session.secrets(), added->id, keys, this,
        [&written](const std::optional<SecretStoreError> &error) { written = !error; });
    QTRY_VERIFY_WITH_TIMEOUT(written, 15000);

    // A full create on the sandbox, its token handed to the keychain and the index.
    session.activate(Profile::sandboxId());
    QTRY_VERIFY(session.isReady());
    CreateFlow flow(&session);
    QSignalSpy stored(session.handOff(), &TokenHandOff::tokenStored);
    CreatePortfolioRequest request;
    request.investment = Money::fromCents(200000);
    request.portfolioName = QStringLiteral("Secret1");
    request.tokenName = QStringLiteral("agent");
    request.scopeIds = { 200, 202 };
    QVERIFY(flow.submit(request));
    QTRY_COMPARE_WITH_TIMEOUT(flow.state(), CreateFlow::State::Succeeded, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 15000);
    const CreatedToken token = flow.result().createdTokens.first();

    // The keychain really has it.
    bool readBack = false;
    session.secrets()->read(SecretKeys::tokenKey(Profile::sandboxId(), token.token.id), this,
                            [&readBack, &token](const SecretResult &result) {
                                readBack = result.ok() && result.secret == token.secret;
                            });
    QTRY_VERIFY_WITH_TIMEOUT(readBack, 15000);
    session.index()->flush();
    session.profiles()->profiles(); // settings are written by now

    const QList<QByteArray> secrets { keys.apiKey.reveal().toUtf8(), keys.userKey.reveal().toUtf8(),
                                      token.secret.reveal().toUtf8() };
    int scanned = 0;
    QStringList leaks;
    // with-keyring.sh puts HOME and the XDG data, config and cache directories side by
    // side in one scratch directory: scan all of it.
    const QString scratch = QFileInfo(QDir::homePath()).absolutePath();
    QDirIterator it(scratch, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        ++scanned;
        for (const QByteArray &secret : secrets) {
            if (bytes.contains(secret) || bytes.contains(secret.toBase64()))
                leaks << file.fileName();
        }
    }
    // The index, the settings and the sandbox state at least were written.
    QVERIFY2(scanned >= 3, qPrintable(QStringLiteral("only %1 files under HOME").arg(scanned)));
    QVERIFY(QFile::exists(session.index()->path()));
    QVERIFY2(
        leaks.isEmpty(),
        qPrintable(QStringLiteral("a secret was found in: ") + leaks.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestNoSecretsOnDisk)
#include "tst_nosecretsondisk.moc"
