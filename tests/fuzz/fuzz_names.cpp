// Validation::portfolioName and Validation::tokenName. The first byte picks the rule and
// whether the rest is read as UTF-8 (what a JSON body or a file gives) or as raw UTF-16
// (what a text field can hold, lone surrogates included).

#include "domain/validation.h"
#include "fuzzcommon.h"

using namespace agentfolio;

namespace {

void checkProblems(const Problems &problems, Field field)
{
    for (const Problem &problem : problems) {
        FUZZ_CHECK(problem.field == field, "the problem names the field");
        FUZZ_CHECK(problem.entry == -1, "a name is not a list");
        FUZZ_CHECK(problem.message.contains(fieldLabel(field)), "the message names the field");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const bool portfolio = data[0] & 1;
    const bool utf16 = data[0] & 2;
    const char *rest = reinterpret_cast<const char *>(data + 1);
    const QString name = utf16
        ? QString(reinterpret_cast<const QChar *>(rest), qsizetype((size - 1) / 2))
        : QString::fromUtf8(rest, qsizetype(size - 1));
    const Field field = portfolio ? Field::PortfolioName : Field::TokenName;
    const auto validate = [portfolio](const QString &text, Problems *problems) {
        return portfolio ? Validation::portfolioName(text, problems)
                         : Validation::tokenName(text, problems);
    };

    Problems problems;
    const QString normalised = validate(name, &problems);
    checkProblems(problems, field);
    FUZZ_CHECK(normalised == normalised.trimmed(), "the normalised name is trimmed");

    // Normalising is idempotent: the normalised name gives the same name and the same verdict.
    Problems again;
    FUZZ_CHECK(validate(normalised, &again) == normalised, "normalising twice changes nothing");
    FUZZ_CHECK(again == problems, "the normalised name gets the same verdict");

    if (problems.isEmpty()) {
        FUZZ_CHECK(!normalised.isEmpty(), "an accepted name is not empty");
        FUZZ_CHECK(!Validation::hasControlCharacter(normalised),
                   "an accepted name has no control characters");
        if (portfolio) {
            const int length = Validation::codePointCount(normalised);
            FUZZ_CHECK(length >= Validation::PortfolioNameMin
                           && length <= Validation::PortfolioNameMax,
                       "an accepted portfolio name has 6 to 10 characters");
        }
        // The name goes to the server as UTF-8 JSON and is compared with what it sends back:
        // it must survive the trip unchanged.
        FUZZ_CHECK(QString::fromUtf8(normalised.toUtf8()) == normalised,
                   "an accepted name survives UTF-8");
    }
    return 0;
}
