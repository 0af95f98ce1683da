// ApiJson::parseCreatedToken and salvageAddedToken: the answer to an add-token call, the one
// moment its secret exists.

#include "apiwire.h"
#include "fuzzcommon.h"

using namespace agentfolio;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto created = ApiJson::parseCreatedToken(body, &error);
    if (!created) {
        FUZZ_CHECK(!error.isEmpty(), "a refused answer says why");
    } else {
        FUZZ_CHECK(error.isEmpty(), "never both a token and an error");
        FUZZ_CHECK(fuzz::tokenIsWellFormed(created->token), "a created token is well formed");
        FUZZ_CHECK(!created->secret.isEmpty(), "a created token has its secret");

        QString again;
        const auto reparsed =
            ApiJson::parseCreatedToken(fuzz::toBytes(fuzz::createdTokenToWire(*created)), &again);
        FUZZ_CHECK(reparsed.has_value() && again.isEmpty(), "a parsed token re-parses");
        FUZZ_CHECK(reparsed->token == created->token, "the token survives a round trip");
        FUZZ_CHECK(reparsed->secret == created->secret, "the secret survives a round trip");
    }

    // What a refused success answer gives up: only a whole secret, and for an answer that
    // parsed, exactly its secret.
    const auto salvaged = ApiJson::salvageAddedToken(body);
    if (salvaged)
        FUZZ_CHECK(!salvaged->secret.isEmpty(), "a salvaged token has its secret");
    if (created) {
        FUZZ_CHECK(salvaged.has_value(), "an answer that parses salvages its token");
        FUZZ_CHECK(salvaged && salvaged->secret == created->secret,
                   "a salvaged secret is the parsed one");
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        QJsonValue root = document.object();
        if (fuzz::replaceSecrets(root, fuzz::canarySecret())) {
            QString canaryError;
            const auto canary =
                ApiJson::parseCreatedToken(fuzz::toBytes(root.toObject()), &canaryError);
            FUZZ_CHECK(!canaryError.contains(fuzz::canarySecret()),
                       "an error message never contains the token secret");
            FUZZ_CHECK(canary.has_value() == created.has_value(),
                       "the secret's value does not decide whether an answer parses");
            if (canary)
                FUZZ_CHECK(canary->secret.reveal() == fuzz::canarySecret(),
                           "the secret is taken as sent");
            if (const auto kept = ApiJson::salvageAddedToken(fuzz::toBytes(root.toObject())))
                FUZZ_CHECK(kept->secret.reveal() == fuzz::canarySecret(),
                           "a salvaged secret is taken as sent");
        }
    }
    return 0;
}
