// ApiJson::parseCreateResponse: the answer to a create (201 with tokens, 207 without).

#include "apiwire.h"
#include "fuzzcommon.h"

using namespace agentfolio;

namespace {

void checkResult(const CreatePortfolioResult &result)
{
    FUZZ_CHECK(!result.portfolio.id.isEmpty(), "a parsed portfolio has an id");
    FUZZ_CHECK(result.portfolio.tokens.isEmpty(),
               "a create answer lists no tokens without secrets");
    FUZZ_CHECK(!result.tokenCreated || !result.createdTokens.isEmpty(),
               "an answer that says a token was created carries one");
    for (const CreatedToken &created : result.createdTokens) {
        FUZZ_CHECK(fuzz::tokenIsWellFormed(created.token), "a created token is well formed");
        FUZZ_CHECK(!created.secret.isEmpty(), "a created token has its secret");
    }
    if (result.portfolio.createdAt)
        FUZZ_CHECK(result.portfolio.createdAt->timeSpec() == Qt::UTC, "dates are UTC");
}

QByteArray toWire(const CreatePortfolioResult &result)
{
    QJsonObject object = fuzz::portfolioToWire(result.portfolio);
    QJsonArray tokens;
    for (const CreatedToken &created : result.createdTokens)
        tokens.append(fuzz::createdTokenToWire(created));
    object.insert(QStringLiteral("userTokens"), tokens);
    object.insert(QStringLiteral("userTokenCreated"), result.tokenCreated);
    return fuzz::toBytes(object);
}

bool sameTokens(const QList<CreatedToken> &a, const QList<CreatedToken> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!(a.at(i).token == b.at(i).token) || !(a.at(i).secret == b.at(i).secret))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto result = ApiJson::parseCreateResponse(body, &error);
    if (!result) {
        FUZZ_CHECK(!error.isEmpty(), "a refused answer says why");
    } else {
        FUZZ_CHECK(error.isEmpty(), "never both a result and an error");
        checkResult(*result);

        // What was read, written in the API's shape and read again, reads the same.
        QString again;
        const auto reparsed = ApiJson::parseCreateResponse(toWire(*result), &again);
        FUZZ_CHECK(reparsed.has_value() && again.isEmpty(), "a parsed answer re-parses");
        FUZZ_CHECK(reparsed->portfolio == result->portfolio, "the portfolio survives a round trip");
        FUZZ_CHECK(reparsed->tokenCreated == result->tokenCreated,
                   "tokenCreated survives a round trip");
        FUZZ_CHECK(sameTokens(reparsed->createdTokens, result->createdTokens),
                   "the tokens survive a round trip");
    }

    // What a refused success answer gives up: only whole secrets, and for an answer that
    // parsed, exactly the secrets the result carries.
    const QList<CreatedToken> salvaged = ApiJson::salvageCreatedTokens(body);
    for (const CreatedToken &created : salvaged)
        FUZZ_CHECK(!created.secret.isEmpty(), "a salvaged token has its secret");
    if (result) {
        FUZZ_CHECK(salvaged.size() == result->createdTokens.size(),
                   "an answer that parses salvages each of its tokens");
        for (qsizetype i = 0; i < salvaged.size() && i < result->createdTokens.size(); ++i)
            FUZZ_CHECK(salvaged.at(i).secret == result->createdTokens.at(i).secret,
                       "a salvaged secret is the parsed one");
    }

    // The same answer with a secret we know: it must never appear in an error, and an
    // answer that parsed still parses, carrying that secret.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        QJsonValue root = document.object();
        if (fuzz::replaceSecrets(root, fuzz::canarySecret())) {
            QString canaryError;
            const auto canaryResult =
                ApiJson::parseCreateResponse(fuzz::toBytes(root.toObject()), &canaryError);
            FUZZ_CHECK(!canaryError.contains(fuzz::canarySecret()),
                       "an error message never contains the token secret");
            FUZZ_CHECK(canaryResult.has_value() == result.has_value(),
                       "the secret's value does not decide whether an answer parses");
            for (const CreatedToken &created :
                 ApiJson::salvageCreatedTokens(fuzz::toBytes(root.toObject())))
                FUZZ_CHECK(created.secret.reveal() == fuzz::canarySecret(),
                           "a salvaged secret is taken as sent");
            if (canaryResult) {
                for (const CreatedToken &created : canaryResult->createdTokens)
                    FUZZ_CHECK(created.secret.reveal() == fuzz::canarySecret(),
                               "the secret is taken as sent");
            }
        }
    }
    return 0;
}
