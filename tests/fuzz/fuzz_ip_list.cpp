// Validation::ipAllowList: the input is split into entries at line breaks and commas (what
// a paste into the list gives), then validated; isStrictIpv4 is checked against a reading
// of its own.

#include "domain/validation.h"
#include "fuzzcommon.h"

#include <QRegularExpression>

using namespace agentfolio;

namespace {

// Four decimal octets 0-255, no sign, no leading zero, ASCII digits only.
bool referenceIpv4(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        if (part.isEmpty() || part.size() > 3)
            return false;
        for (QChar c : part) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
        }
        if (part.size() > 1 && part.startsWith(QLatin1Char('0')))
            return false;
        if (part.toInt() > 255)
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
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    static const QRegularExpression separators(QStringLiteral("[\\n,]"));
    const QStringList entries = text.split(separators);

    Problems problems;
    const QStringList result = Validation::ipAllowList(entries, &problems);

    int invalid = 0;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entry = entries.at(i).trimmed();
        const bool strict = Validation::isStrictIpv4(entry);
        FUZZ_CHECK(strict == referenceIpv4(entry), "isStrictIpv4 agrees with the reference");
        if (entry.isEmpty())
            continue;
        const bool flagged = std::any_of(problems.cbegin(), problems.cend(),
                                         [i](const Problem &p) { return p.entry == i; });
        FUZZ_CHECK(flagged != strict, "exactly the invalid entries are flagged, by index");
        if (!strict)
            ++invalid;
        else
            FUZZ_CHECK(result.contains(entry), "every valid entry is kept");
    }
    for (const Problem &problem : problems) {
        FUZZ_CHECK(problem.field == Field::IpAllowList, "the problem names the field");
        FUZZ_CHECK(problem.message.contains(fieldLabel(Field::IpAllowList)),
                   "the message names the field");
        FUZZ_CHECK(problem.entry >= -1 && problem.entry < entries.size(), "the entry exists");
    }
    const int tooMany = result.size() > Validation::MaxIpEntries ? 1 : 0;
    FUZZ_CHECK(problems.size() == invalid + tooMany,
               "one problem per invalid entry, one for too many");

    for (qsizetype i = 0; i < result.size(); ++i) {
        FUZZ_CHECK(Validation::isStrictIpv4(result.at(i)), "kept entries are strict IPv4");
        FUZZ_CHECK(result.indexOf(result.at(i)) == i, "kept entries are unique");
    }
    // The normalised list validates to itself.
    Problems again;
    FUZZ_CHECK(Validation::ipAllowList(result, &again) == result, "normalising is idempotent");
    FUZZ_CHECK(again.size() == tooMany, "the normalised list has no invalid entry");
    return 0;
}
