// The fault matrix's "Agentfolio killed midway through a hand-off": a real hand-off
// (real keychain, real index file) in a process that SIGKILLs itself at a chosen point.
//
//   killedhandoff INDEX_PATH PROFILE_ID WHEN < secret
//
// WHEN is "after-keychain-write" (the keychain has the secret, the index does not know
// yet) or "before-keychain-write" (the index records the token; its secret never left this
// process). The secret comes on standard input, never on the command line.
#include "domain/money.h"
#include "domain/portfolio.h"
#include "store/keychainsecretstore.h"
#include "store/portfolioindex.h"
#include "store/tokenhandoff.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>
#include <QUuid>
#include <csignal>
#include <cstdio>

using namespace agentfolio;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: killedhandoff INDEX_PATH PROFILE_ID WHEN < secret\n");
        return 2;
    }
    const QString when = args.at(3);
    if (when != QStringLiteral("after-keychain-write")
        && when != QStringLiteral("before-keychain-write")) {
        std::fprintf(stderr, "killedhandoff: unknown WHEN\n");
        return 2;
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 2;
    const Secret secret(QString::fromUtf8(in.readAll().trimmed()));

    KeychainSecretStore secrets;
    PortfolioIndex index(args.at(1));
    index.load();
    TokenHandOff handOff(&secrets, &index);

    CreatePortfolioResult result;
    result.portfolio.id = QStringLiteral("kill0000-0000-4000-8000-000000000001");
    result.portfolio.name = QStringLiteral("Killed1");
    result.portfolio.virtualBalance = Money::fromCents(100'000);
    CreatedToken token;
    token.token.id = QStringLiteral("killed-token");
    token.token.name = QStringLiteral("bot-killed");
    token.secret = secret;
    result.createdTokens = { token };
    result.tokenCreated = true;

    // tokenStored comes once the keychain has the secret and before the index is told.
    QObject::connect(&handOff, &TokenHandOff::tokenStored, &app, [] { std::raise(SIGKILL); });
    QObject::connect(&handOff, &TokenHandOff::tokenPending, &app, [] {
        std::fprintf(stderr, "killedhandoff: the keychain refused the secret\n");
        std::_Exit(3);
    });
    handOff.storeCreated(args.at(2), result, Money::fromCents(100'000), QString(),
                         QUuid::createUuid());
    // storeCreated() has written the index and queued the keychain write, nothing more.
    if (when == QStringLiteral("before-keychain-write"))
        std::raise(SIGKILL);
    QTimer::singleShot(30'000, &app, [] { std::_Exit(4); });
    return app.exec();
}
