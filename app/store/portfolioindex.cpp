#include "store/portfolioindex.h"

#include "store/indexpreload.h"
#include "store/storelog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTimer>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>

namespace agentfolio {

namespace {

const QString FormatName = QStringLiteral("agentfolio-index");

// Thrown only inside parsing, caught in readFile: any structural problem makes the whole
// file corrupt, so that it is set aside whole rather than silently trimmed. Its text is
// shown, in parentheses, in the index status the window shows: hence tr().
struct Malformed
{
    QString what;
};

QJsonValue dateToJson(const std::optional<QDateTime> &date)
{
    if (!date)
        return QJsonValue::Null;
    return date->toUTC().toString(Qt::ISODateWithMs);
}

QJsonArray intsToJson(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QJsonObject tokenToJson(const IndexedToken &t)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), t.token.id);
    o.insert(QStringLiteral("name"), t.token.name);
    o.insert(QStringLiteral("clientId"), t.token.clientId);
    o.insert(QStringLiteral("scopeIds"), intsToJson(t.token.scopeIds));
    o.insert(QStringLiteral("ipsWhitelist"), QJsonArray::fromStringList(t.token.ipsWhitelist));
    o.insert(QStringLiteral("expiresAt"), dateToJson(t.token.expiresAt));
    o.insert(QStringLiteral("createdAt"), dateToJson(t.token.createdAt));
    o.insert(QStringLiteral("secretStored"), t.secretStored);
    o.insert(QStringLiteral("revoked"), t.revoked);
    o.insert(QStringLiteral("goneFromServer"), t.goneFromServer);
    // Only while a hand-off is under way: older readers ignore it, and settled tokens
    // look exactly as they did before the field existed.
    if (!t.handOffOwner.isEmpty())
        o.insert(QStringLiteral("handOffOwner"), t.handOffOwner);
    return o;
}

QJsonObject portfolioToJson(const IndexedPortfolio &p)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), p.id);
    o.insert(QStringLiteral("name"), p.name);
    o.insert(QStringLiteral("gcid"), double(p.gcid));
    o.insert(QStringLiteral("virtualBalanceCents"), double(p.virtualBalance.cents()));
    o.insert(QStringLiteral("mirrorId"), double(p.mirrorId));
    o.insert(QStringLiteral("investmentCents"),
             p.investment ? QJsonValue(double(p.investment->cents())) : QJsonValue::Null);
    o.insert(QStringLiteral("description"), p.description);
    o.insert(QStringLiteral("createdAt"), dateToJson(p.createdAt));
    o.insert(QStringLiteral("createdByRequestId"),
             p.createdByRequestId.isNull()
                 ? QJsonValue::Null
                 : QJsonValue(p.createdByRequestId.toString(QUuid::WithoutBraces)));
    o.insert(QStringLiteral("goneFromServer"), p.goneFromServer);
    QJsonArray tokens;
    for (const IndexedToken &t : p.tokens)
        tokens.append(tokenToJson(t));
    o.insert(QStringLiteral("tokens"), tokens);
    return o;
}

} // namespace

QByteArray PortfolioIndex::serialize(const Profiles &profiles)
{
    QJsonObject profilesObject;
    for (auto it = profiles.cbegin(); it != profiles.cend(); ++it) {
        QJsonArray portfolios;
        for (const IndexedPortfolio &p : it.value())
            portfolios.append(portfolioToJson(p));
        profilesObject.insert(it.key(),
                              QJsonObject { { QStringLiteral("portfolios"), portfolios } });
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), FormatName);
    root.insert(QStringLiteral("version"), PortfolioIndex::FormatVersion);
    root.insert(QStringLiteral("profiles"), profilesObject);
    // Compact: an index of 10,000 tokens is a third smaller than indented, and reads
    // faster at every start. Both forms read the same, so older indented files still load.
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

namespace {

// Strict readers: absent members take their default, present ones must have the right type.
// Names are Latin-1 views: looking them up in a parsed object needs no conversion, which
// matters with tens of thousands of tokens read at every start.
using Name = QLatin1StringView;

QString stringAt(const QJsonObject &o, Name name, bool required = false)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            throw Malformed { PortfolioIndex::tr("%1 is missing").arg(name) };
        return QString();
    }
    if (!v.isString())
        throw Malformed { PortfolioIndex::tr("%1 is not a string").arg(name) };
    QString text = v.toString();
    if (required && text.isEmpty())
        throw Malformed { PortfolioIndex::tr("%1 is empty").arg(name) };
    return text;
}

bool boolAt(const QJsonObject &o, Name name)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return false;
    if (!v.isBool())
        throw Malformed { PortfolioIndex::tr("%1 is not a boolean").arg(name) };
    return v.toBool();
}

std::optional<qint64> integerAt(const QJsonObject &o, Name name)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    const double d = v.toDouble(std::nan(""));
    // Exact integers only, within the range a double holds exactly.
    if (!v.isDouble() || !std::isfinite(d) || d != std::trunc(d) || std::fabs(d) > 9.0e15)
        throw Malformed { PortfolioIndex::tr("%1 is not an integer").arg(name) };
    return qint64(d);
}

std::optional<Money> moneyAt(const QJsonObject &o, Name name)
{
    const auto cents = integerAt(o, name);
    if (!cents)
        return std::nullopt;
    if (*cents < 0 || *cents > Money::MaxCents)
        throw Malformed { PortfolioIndex::tr("%1 is out of range").arg(name) };
    return Money::fromCents(*cents);
}

// One character of a QStringView or a QByteArrayView (the text as parsed JSON, or as in
// the file), as a UTF-16 unit.
char16_t unitAt(QStringView text, qsizetype i)
{
    return text[i].unicode();
}
char16_t unitAt(QByteArrayView text, qsizetype i)
{
    return uchar(text[i]);
}

// The digits text[from, from + count) as a number; -1 unless they are all ASCII digits.
template<typename View>
int digitsAt(View text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = unitAt(text, i);
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The form dateToJson writes, "2026-01-15T09:00:00.000Z", read without the general ISO
// parser (which costs more than the rest of a token). Anything else: std::nullopt, and the
// caller asks QDateTime::fromString, so what was accepted before still is.
template<typename View>
std::optional<QDateTime> writtenUtcDate(View text)
{
    const auto is = [&](qsizetype i, char16_t c) { return unitAt(text, i) == c; };
    if (text.size() != 24 || !is(4, u'-') || !is(7, u'-') || !is(10, u'T') || !is(13, u':')
        || !is(16, u':') || !is(19, u'.') || !is(23, u'Z'))
        return std::nullopt;
    const QDate date(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2));
    const int hour = digitsAt(text, 11, 2);
    const int minute = digitsAt(text, 14, 2);
    const int second = digitsAt(text, 17, 2);
    const int ms = digitsAt(text, 20, 3);
    // Year 0 (a valid QDate, but not what toString writes) and hour 24 go the general way.
    if (!date.isValid() || date.year() < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || ms < 0)
        return std::nullopt;
    return QDateTime(date, QTime(hour, minute, second, ms), Qt::UTC);
}

std::optional<QDateTime> dateAt(const QJsonObject &o, Name name)
{
    const QString text = stringAt(o, name);
    if (text.isEmpty())
        return std::nullopt;
    if (auto written = writtenUtcDate(QStringView(text)))
        return written;
    const QDateTime date = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!date.isValid())
        throw Malformed { PortfolioIndex::tr("%1 is not a date").arg(name) };
    // A date no year of four digits can write (a hand-edited one) is read as absent, which
    // is what writing it would leave: not a reason to set the whole file aside.
    return writableUtc(date);
}

QJsonArray arrayAt(const QJsonObject &o, Name name)
{
    const QJsonValue v = o.value(name);
    if (v.isUndefined() || v.isNull())
        return QJsonArray();
    if (!v.isArray())
        throw Malformed { PortfolioIndex::tr("%1 is not a list").arg(name) };
    return v.toArray();
}

QJsonObject objectOf(const QJsonValue &v, const QString &what)
{
    if (!v.isObject())
        throw Malformed { PortfolioIndex::tr("%1 is not an object").arg(what) };
    return v.toObject();
}

IndexedToken tokenFromJson(const QJsonObject &o)
{
    IndexedToken t;
    t.token.id = stringAt(o, Name("id"), true);
    t.token.name = stringAt(o, Name("name"));
    t.token.clientId = stringAt(o, Name("clientId"));
    const QJsonArray scopes = arrayAt(o, Name("scopeIds"));
    t.token.scopeIds.reserve(scopes.size());
    for (const auto &scope : scopes) {
        if (!scope.isDouble() || scope.toDouble() != double(scope.toInt()))
            throw Malformed { PortfolioIndex::tr("scopeIds has a non-integer") };
        t.token.scopeIds.append(scope.toInt());
    }
    const QJsonArray ips = arrayAt(o, Name("ipsWhitelist"));
    t.token.ipsWhitelist.reserve(ips.size());
    for (const auto &ip : ips) {
        if (!ip.isString())
            throw Malformed { PortfolioIndex::tr("ipsWhitelist has a non-string") };
        t.token.ipsWhitelist.append(ip.toString());
    }
    t.token.expiresAt = dateAt(o, Name("expiresAt"));
    t.token.createdAt = dateAt(o, Name("createdAt"));
    t.secretStored = boolAt(o, Name("secretStored"));
    t.revoked = boolAt(o, Name("revoked"));
    t.goneFromServer = boolAt(o, Name("goneFromServer"));
    t.handOffOwner = stringAt(o, Name("handOffOwner"));
    return t;
}

IndexedPortfolio portfolioFromJson(const QJsonObject &o)
{
    IndexedPortfolio p;
    p.id = stringAt(o, Name("id"), true);
    p.name = stringAt(o, Name("name"));
    p.gcid = integerAt(o, Name("gcid")).value_or(0);
    p.virtualBalance = moneyAt(o, Name("virtualBalanceCents")).value_or(Money());
    p.mirrorId = integerAt(o, Name("mirrorId")).value_or(0);
    p.investment = moneyAt(o, Name("investmentCents"));
    p.description = stringAt(o, Name("description"));
    p.createdAt = dateAt(o, Name("createdAt"));
    const QString requestId = stringAt(o, Name("createdByRequestId"));
    if (!requestId.isEmpty()) {
        p.createdByRequestId = QUuid::fromString(requestId);
        if (p.createdByRequestId.isNull())
            throw Malformed { PortfolioIndex::tr("createdByRequestId is not a uuid") };
    }
    p.goneFromServer = boolAt(o, Name("goneFromServer"));
    const QJsonArray tokens = arrayAt(o, Name("tokens"));
    p.tokens.reserve(tokens.size());
    for (const auto &t : tokens)
        p.tokens.append(tokenFromJson(objectOf(t, PortfolioIndex::tr("a token"))));
    return p;
}

// The profiles of a parsed document whose version we understand.
QMap<QString, QList<IndexedPortfolio>> profilesFromJson(const QJsonObject &root)
{
    QMap<QString, QList<IndexedPortfolio>> profiles;
    const QJsonValue profilesValue = root.value(Name("profiles"));
    if (profilesValue.isUndefined())
        return profiles;
    const QJsonObject profilesObject = objectOf(profilesValue, QStringLiteral("profiles"));
    for (auto it = profilesObject.constBegin(); it != profilesObject.constEnd(); ++it) {
        const QJsonObject profile = objectOf(it.value(), QStringLiteral("a profile"));
        QList<IndexedPortfolio> portfolios;
        const QJsonArray array = arrayAt(profile, Name("portfolios"));
        portfolios.reserve(array.size());
        for (const auto &p : array)
            portfolios.append(portfolioFromJson(objectOf(p, PortfolioIndex::tr("a portfolio"))));
        profiles.insert(it.key(), portfolios);
    }
    return profiles;
}

// The index as serialize() writes it, read straight into IndexedPortfolio and IndexedToken
// without a QJsonDocument in between: at 10,000 tokens that document costs more time than
// everything else the app does before its window shows, and about as much memory as the
// index itself. It reads only what it is sure to read exactly as the general path
// (QJsonDocument, then profilesFromJson) does: version 1, our own keys each at most once,
// UTF-8 strings with the simple escapes, integers of up to 15 digits, our date form or one
// QDateTime reads. Anything else (a hand-edited file, a problem to report, a newer version)
// makes it give up, and the general path reads the file and says what is wrong.
class WrittenIndexReader
{
public:
    // `progress`, when given, is told every ProgressStep bytes or so how far the reading
    // has got: nothing before that offset is looked at again.
    explicit WrittenIndexReader(QByteArrayView text,
                                const std::function<void(qsizetype)> &progress = {})
        : m_begin(text.data())
        , m_at(text.data())
        , m_end(text.data() + text.size())
        , m_progress(progress)
    {
        if (m_progress)
            m_nextReport = m_at + std::min<qsizetype>(PortfolioIndex::ProgressStep, m_end - m_at);
    }

    // The profiles, or std::nullopt when the general path must read the text.
    std::optional<PortfolioIndex::Profiles> read()
    {
        try {
            return root();
        } catch (const NotAsWritten &) {
            return std::nullopt;
        }
    }

private:
    struct NotAsWritten
    {
    };

    [[noreturn]] static void giveUp() { throw NotAsWritten {}; }

    void skipSpace()
    {
        while (m_at != m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }
    // After skipping white space: is the next character c? (Not consumed.)
    bool nextIs(char c)
    {
        skipSpace();
        return m_at != m_end && *m_at == c;
    }
    void expect(char c)
    {
        if (!nextIs(c))
            giveUp();
        ++m_at;
    }
    bool literal(QByteArrayView word)
    {
        skipSpace();
        if (m_end - m_at < word.size() || std::memcmp(m_at, word.data(), size_t(word.size())) != 0)
            return false;
        m_at += word.size();
        return true;
    }
    bool null() { return literal("null"); }
    // Past one element of an object or array: true when another one follows.
    bool another(char close)
    {
        if (m_progress && m_at >= m_nextReport) {
            m_progress(m_at - m_begin);
            m_nextReport = m_at + std::min<qsizetype>(PortfolioIndex::ProgressStep, m_end - m_at);
        }
        skipSpace();
        if (m_at == m_end)
            giveUp();
        const char c = *m_at++;
        if (c == ',')
            return true;
        if (c != close)
            giveUp();
        return false;
    }
    template<typename Member>
    void object(Member member)
    {
        expect('{');
        if (nextIs('}')) {
            ++m_at;
            return;
        }
        do {
            const QByteArrayView name = key();
            expect(':');
            member(name);
        } while (another('}'));
    }
    template<typename Element>
    void array(Element element)
    {
        expect('[');
        if (nextIs(']')) {
            ++m_at;
            return;
        }
        do
            element();
        while (another(']'));
    }
    // An array's elements, read into `scratch` (reused from list to list, so that it grows
    // only a few times in all) and then moved into a list of exactly their number: lists
    // grown element by element would hold tens of thousands of tokens in a third more
    // memory.
    template<typename T, typename Read>
    QList<T> list(QList<T> &scratch, Read read)
    {
        scratch.clear();
        array([&] { scratch.append(read()); });
        return QList<T>(std::make_move_iterator(scratch.begin()),
                        std::make_move_iterator(scratch.end()));
    }
    // The same, for lists that many tokens have alike (their scopes, their allowed addresses):
    // a list equal to one of the few last read or met is a shared copy of it, not another
    // one in memory. Lists are implicitly shared, so a later change to one token's list copies it
    // then.
    template<typename T, typename Read>
    QList<T> sharedList(QList<T> &scratch, QList<QList<T>> &recent, Read read)
    {
        scratch.clear();
        array([&] { scratch.append(read()); });
        if (scratch.isEmpty())
            return {};
        for (qsizetype i = recent.size() - 1; i >= 0; --i) {
            if (recent.at(i) == scratch) {
                recent.move(i, recent.size() - 1); // the most used stay remembered
                return recent.constLast();
            }
        }
        QList<T> fresh(std::make_move_iterator(scratch.begin()),
                       std::make_move_iterator(scratch.end()));
        constexpr qsizetype Remembered = 16;
        if (recent.size() == Remembered)
            recent.removeFirst();
        recent.append(fresh);
        return fresh;
    }
    // A member name: printable ASCII without escapes.
    QByteArrayView key()
    {
        expect('"');
        const char *start = m_at;
        if (bool ascii = false; const char *close = plainStringEnd(&ascii)) {
            if (ascii) {
                m_at = close + 1;
                return QByteArrayView(start, close - start);
            }
        }
        while (m_at != m_end && *m_at != '"') {
            if (*m_at < 0x20 || *m_at > 0x7e || *m_at == '\\')
                giveUp();
            ++m_at;
        }
        if (m_at == m_end)
            giveUp();
        return QByteArrayView(start, m_at++ - start);
    }
    // Where the string that begins at m_at ends, when it holds no escape and no control
    // character (else nullptr, as for a string cut short), and whether it is all ASCII:
    // nearly every string in the index, read eight bytes at a time. A word that may hold
    // the end, an escape or a control character is looked at byte by byte.
    const char *plainStringEnd(bool *ascii) const
    {
        constexpr quint64 Ones = 0x0101010101010101ULL;
        constexpr quint64 Highs = 0x8080808080808080ULL;
        // Non-zero when some byte of x is below n (n <= 128), never otherwise.
        const auto anyBelow = [](quint64 x, quint64 n) { return (x - Ones * n) & ~x & Highs; };
        quint64 seen = 0;
        const char *at = m_at;
        for (; m_end - at >= 8; at += 8) {
            quint64 word;
            std::memcpy(&word, at, sizeof word);
            if (anyBelow(word, 0x20) | anyBelow(word ^ (Ones * '"'), 1)
                | anyBelow(word ^ (Ones * '\\'), 1) | anyBelow(word ^ (Ones * 0x7f), 1))
                break;
            seen |= word;
        }
        for (; at != m_end; ++at) {
            const auto c = static_cast<unsigned char>(*at);
            if (c == '"') {
                *ascii = (seen & Highs) == 0;
                return at;
            }
            if (c < 0x20 || c == 0x7f || c == '\\')
                return nullptr;
            seen |= c;
        }
        return nullptr;
    }
    QString string()
    {
        expect('"');
        const char *start = m_at;
        if (bool ascii = false; const char *close = plainStringEnd(&ascii)) {
            m_at = close + 1;
            const QByteArrayView view(start, close - start);
            return ascii ? QString::fromLatin1(view) : utf8(view);
        }
        QByteArray unescaped; // only when there are escapes
        bool ascii = true;
        while (m_at != m_end && *m_at != '"') {
            const auto c = static_cast<unsigned char>(*m_at);
            if (c < 0x20 || c == 0x7f)
                giveUp(); // control characters
            if (c != '\\') {
                ascii = ascii && c < 0x80;
                ++m_at;
                continue;
            }
            if (unescaped.isNull())
                unescaped = QByteArray(start, m_at - start);
            else
                unescaped.append(start, m_at - start);
            if (++m_at == m_end)
                giveUp();
            switch (*m_at) {
            case '"':
            case '\\':
            case '/':
                unescaped.append(*m_at);
                break;
            case 'b':
                unescaped.append('\b');
                break;
            case 'f':
                unescaped.append('\f');
                break;
            case 'n':
                unescaped.append('\n');
                break;
            case 'r':
                unescaped.append('\r');
                break;
            case 't':
                unescaped.append('\t');
                break;
            default:
                giveUp(); // \u and anything invalid
            }
            start = ++m_at;
        }
        if (m_at == m_end)
            giveUp();
        const QByteArrayView rest(start, m_at++ - start);
        if (unescaped.isNull())
            return ascii ? QString::fromLatin1(rest) : utf8(rest);
        unescaped.append(rest);
        return ascii ? QString::fromLatin1(unescaped) : utf8(unescaped, true);
    }
    // Names and descriptions in other languages than English. What is not UTF-8 is left to
    // the general reader, which rejects it. Like QJsonDocument (tested), the decoder drops
    // a byte order mark at the start of a string, but keeps it in a string with escapes.
    static QString utf8(QByteArrayView bytes, bool hadEscapes = false)
    {
        QStringDecoder decoder(QStringConverter::Utf8,
                               hadEscapes ? QStringConverter::Flag::Stateless
                                       | QStringConverter::Flag::ConvertInitialBom
                                          : QStringConverter::Flag::Stateless);
        QString text = decoder.decode(bytes);
        if (decoder.hasError())
            giveUp();
        return text;
    }
    QString optionalString() { return null() ? QString() : string(); }
    bool optionalBool()
    {
        if (literal("true"))
            return true;
        if (literal("false") || null())
            return false;
        giveUp();
    }
    // -?(0|[1-9][0-9]{0,14}): exact as a double, as the general path reads every number.
    std::optional<qint64> optionalInteger()
    {
        if (null())
            return std::nullopt;
        const bool negative = m_at != m_end && *m_at == '-';
        if (negative)
            ++m_at;
        const char *digits = m_at;
        qint64 value = 0;
        while (m_at != m_end && *m_at >= '0' && *m_at <= '9') {
            // Past 15 digits the general path decides; stop accumulating before overflow.
            if (m_at - digits < 15)
                value = value * 10 + (*m_at - '0');
            ++m_at;
        }
        const qsizetype count = m_at - digits;
        if (count == 0 || count > 15 || (count > 1 && *digits == '0'))
            giveUp();
        if (m_at != m_end && (*m_at == '.' || *m_at == 'e' || *m_at == 'E'))
            giveUp();
        return negative ? -value : value;
    }
    int intValue()
    {
        const auto value = optionalInteger();
        if (!value || *value < std::numeric_limits<int>::min()
            || *value > std::numeric_limits<int>::max())
            giveUp();
        return int(*value);
    }
    std::optional<Money> optionalMoney()
    {
        const auto cents = optionalInteger();
        if (!cents)
            return std::nullopt;
        if (*cents < 0 || *cents > Money::MaxCents)
            giveUp();
        return Money::fromCents(*cents);
    }
    std::optional<QDateTime> optionalDate()
    {
        // Our own form straight from the file's bytes, without a QString in between.
        skipSpace();
        if (m_end - m_at >= 26 && *m_at == '"' && m_at[25] == '"') {
            if (auto written = writtenUtcDate(QByteArrayView(m_at + 1, 24))) {
                m_at += 26;
                return written;
            }
        }
        const QString text = optionalString();
        if (text.isEmpty())
            return std::nullopt;
        if (auto written = writtenUtcDate(QStringView(text)))
            return written;
        const QDateTime date = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!date.isValid())
            giveUp();
        return writableUtc(date); // as dateAt() reads it
    }
    // Tells which of an object's members a name is. Each known member at most once (a
    // repeated one: the general path decides which counts); an unknown one gives up.
    template<std::size_t N>
    class Members
    {
        static_assert(N <= 32); // the bits of a quint32, and Order holds quint8

    public:
        // Which member followed which, kept from object to object of a kind: the index
        // writes members in one order, so the first guess is nearly always the one (trying
        // the names one after another took a sixth of the reading).
        using Order = std::array<quint8, N + 1>;

        Members(const std::array<QByteArrayView, N> &names, Order *order)
            : m_names(names)
            , m_order(order)
        { }

        int index(QByteArrayView name)
        {
            std::size_t found = (*m_order)[m_previous];
            if (found >= N || !same(m_names[found], name)) {
                found = 0;
                while (found < N && !same(m_names[found], name))
                    ++found;
            }
            if (found == N || (m_seen & (1u << found)))
                giveUp();
            m_seen |= 1u << found;
            (*m_order)[m_previous] = quint8(found);
            m_previous = found;
            return int(found);
        }

    private:
        static bool same(QByteArrayView a, QByteArrayView b)
        {
            return a.size() == b.size() && std::memcmp(a.data(), b.data(), size_t(a.size())) == 0;
        }

        const std::array<QByteArrayView, N> &m_names;
        Order *m_order;
        quint32 m_seen = 0;
        std::size_t m_previous = N; // N: the object's first member comes next
    };

    IndexedToken token()
    {
        static constexpr std::array<QByteArrayView, 11> names = {
            "id",        "name",         "clientId", "scopeIds",       "ipsWhitelist", "expiresAt",
            "createdAt", "secretStored", "revoked",  "goneFromServer", "handOffOwner"
        };
        IndexedToken t;
        Members members(names, &m_tokenOrder);
        object([&](QByteArrayView name) {
            switch (members.index(name)) {
            case 0:
                t.token.id = optionalString();
                break;
            case 1:
                t.token.name = optionalString();
                break;
            case 2:
                t.token.clientId = optionalString();
                break;
            case 3:
                if (!null())
                    t.token.scopeIds =
                        sharedList(m_scopes, m_recentScopes, [&] { return intValue(); });
                break;
            case 4:
                if (!null())
                    t.token.ipsWhitelist = sharedList(m_ips, m_recentIps, [&] { return string(); });
                break;
            case 5:
                t.token.expiresAt = optionalDate();
                break;
            case 6:
                t.token.createdAt = optionalDate();
                break;
            case 7:
                t.secretStored = optionalBool();
                break;
            case 8:
                t.revoked = optionalBool();
                break;
            case 9:
                t.goneFromServer = optionalBool();
                break;
            case 10:
                t.handOffOwner = optionalString();
                break;
            }
        });
        if (t.token.id.isEmpty())
            giveUp();
        return t;
    }

    IndexedPortfolio portfolio()
    {
        static constexpr std::array<QByteArrayView, 11> names = { "id",
                                                                  "name",
                                                                  "gcid",
                                                                  "virtualBalanceCents",
                                                                  "mirrorId",
                                                                  "investmentCents",
                                                                  "description",
                                                                  "createdAt",
                                                                  "createdByRequestId",
                                                                  "goneFromServer",
                                                                  "tokens" };
        IndexedPortfolio p;
        Members members(names, &m_portfolioOrder);
        object([&](QByteArrayView name) {
            switch (members.index(name)) {
            case 0:
                p.id = optionalString();
                break;
            case 1:
                p.name = optionalString();
                break;
            case 2:
                p.gcid = optionalInteger().value_or(0);
                break;
            case 3:
                p.virtualBalance = optionalMoney().value_or(Money());
                break;
            case 4:
                p.mirrorId = optionalInteger().value_or(0);
                break;
            case 5:
                p.investment = optionalMoney();
                break;
            case 6:
                p.description = optionalString();
                break;
            case 7:
                p.createdAt = optionalDate();
                break;
            case 8: {
                const QString requestId = optionalString();
                if (!requestId.isEmpty()) {
                    p.createdByRequestId = QUuid::fromString(requestId);
                    if (p.createdByRequestId.isNull())
                        giveUp();
                }
                break;
            }
            case 9:
                p.goneFromServer = optionalBool();
                break;
            case 10:
                if (!null())
                    p.tokens = list(m_tokens, [&] { return token(); });
                break;
            }
        });
        if (p.id.isEmpty())
            giveUp();
        return p;
    }

    PortfolioIndex::Profiles root()
    {
        static constexpr std::array<QByteArrayView, 3> names = { "format", "profiles", "version" };
        PortfolioIndex::Profiles profiles;
        bool ours = false;
        bool versionOne = false;
        Members<3>::Order order {};
        Members members(names, &order);
        object([&](QByteArrayView name) {
            switch (members.index(name)) {
            case 0:
                ours = string() == FormatName;
                break;
            case 1:
                object([&](QByteArrayView id) {
                    const QString profileId = QString::fromLatin1(id);
                    if (profiles.contains(profileId))
                        giveUp();
                    QList<IndexedPortfolio> &portfolios = profiles[profileId];
                    static constexpr std::array<QByteArrayView, 1> profileNames = { "portfolios" };
                    Members<1>::Order profileOrder {};
                    Members profileMembers(profileNames, &profileOrder);
                    object([&](QByteArrayView member) {
                        profileMembers.index(member);
                        // One long list: trimmed in place rather than copied (see list()).
                        if (!null())
                            array([&] { portfolios.append(portfolio()); });
                        portfolios.squeeze();
                    });
                });
                break;
            case 2:
                versionOne = optionalInteger() == 1;
                break;
            }
        });
        skipSpace();
        if (m_at != m_end || !ours || !versionOne)
            giveUp();
        return profiles;
    }

    const char *m_begin;
    const char *m_at;
    const char *m_end;
    std::function<void(qsizetype)> m_progress;
    const char *m_nextReport = nullptr;
    QList<int> m_scopes;
    QStringList m_ips;
    QList<QList<int>> m_recentScopes;
    QList<QStringList> m_recentIps;
    Members<11>::Order m_tokenOrder {};
    Members<11>::Order m_portfolioOrder {};
    QList<IndexedToken> m_tokens;
};

IndexedPortfolio *findPortfolio(QList<IndexedPortfolio> &portfolios, const QString &id)
{
    const auto it = std::find_if(portfolios.begin(), portfolios.end(),
                                 [&](const IndexedPortfolio &p) { return p.id == id; });
    return it == portfolios.end() ? nullptr : &*it;
}

IndexedToken *findToken(IndexedPortfolio &portfolio, const QString &id)
{
    const auto it = std::find_if(portfolio.tokens.begin(), portfolio.tokens.end(),
                                 [&](const IndexedToken &t) { return t.token.id == id; });
    return it == portfolio.tokens.end() ? nullptr : &*it;
}

void upsertTokenInto(IndexedPortfolio &portfolio, const IndexedToken &token)
{
    if (IndexedToken *existing = findToken(portfolio, token.token.id))
        *existing = token;
    else
        portfolio.tokens.append(token);
}

// The server's facts about a token, keeping what only we know.
void takeServerFacts(UserToken &local, const UserToken &server)
{
    local.name = server.name;
    local.clientId = server.clientId;
    local.scopeIds = server.scopeIds;
    local.ipsWhitelist = server.ipsWhitelist;
    local.expiresAt = server.expiresAt;
    if (server.createdAt)
        local.createdAt = server.createdAt;
}

IndexMergeSummary mergeInto(QList<IndexedPortfolio> &local, const QList<Portfolio> &server)
{
    IndexMergeSummary summary;
    for (const Portfolio &s : server) {
        IndexedPortfolio *p = findPortfolio(local, s.id);
        if (!p) {
            local.append(IndexedPortfolio::fromPortfolio(s));
            ++summary.portfoliosAdded;
            summary.tokensAdded += int(s.tokens.size());
            continue;
        }
        p->name = s.name;
        p->gcid = s.gcid;
        p->virtualBalance = s.virtualBalance;
        p->mirrorId = s.mirrorId;
        if (s.createdAt)
            p->createdAt = s.createdAt;
        p->goneFromServer = false;
        for (const UserToken &st : s.tokens) {
            if (IndexedToken *t = findToken(*p, st.id)) {
                takeServerFacts(t->token, st);
                t->goneFromServer = false;
            } else {
                p->tokens.append(IndexedToken { st, false, false, false, {} });
                ++summary.tokensAdded;
            }
        }
        for (IndexedToken &t : p->tokens) {
            const bool listed =
                std::any_of(s.tokens.cbegin(), s.tokens.cend(),
                            [&](const UserToken &st) { return st.id == t.token.id; });
            if (!listed && !t.goneFromServer) {
                t.goneFromServer = true;
                ++summary.tokensGone;
            }
        }
    }
    for (IndexedPortfolio &p : local) {
        const bool listed = std::any_of(server.cbegin(), server.cend(),
                                        [&](const Portfolio &s) { return s.id == p.id; });
        if (!listed && !p.goneFromServer) {
            p.goneFromServer = true;
            ++summary.portfoliosGone;
        }
    }
    return summary;
}

} // namespace

IndexedPortfolio IndexedPortfolio::fromPortfolio(const Portfolio &portfolio)
{
    IndexedPortfolio p;
    p.id = portfolio.id;
    p.name = portfolio.name;
    p.gcid = portfolio.gcid;
    p.virtualBalance = portfolio.virtualBalance;
    p.mirrorId = portfolio.mirrorId;
    p.createdAt = portfolio.createdAt;
    for (const UserToken &t : portfolio.tokens)
        p.tokens.append(IndexedToken { t, false, false, false, {} });
    return p;
}

const IndexedToken *IndexedPortfolio::token(const QString &tokenId) const
{
    const auto it = std::find_if(tokens.cbegin(), tokens.cend(),
                                 [&](const IndexedToken &t) { return t.token.id == tokenId; });
    return it == tokens.cend() ? nullptr : &*it;
}

QString IndexStatus::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Ok:
        return QStringLiteral("Ok");
    case Kind::CorruptMovedAside:
        return QStringLiteral("CorruptMovedAside");
    case Kind::NewerVersion:
        return QStringLiteral("NewerVersion");
    case Kind::ReadFailed:
        return QStringLiteral("ReadFailed");
    case Kind::WriteFailed:
        return QStringLiteral("WriteFailed");
    }
    return QString();
}

QString PortfolioIndex::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/index.json");
}

PortfolioIndex::PortfolioIndex(QObject *parent)
    : PortfolioIndex(defaultPath(), parent)
{ }

PortfolioIndex::PortfolioIndex(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(QFileInfo(path).absoluteFilePath())
    , m_watcher(new QFileSystemWatcher(this))
    , m_reloadTimer(new QTimer(this))
{
    // Watching the directory as well as the file: QSaveFile replaces the file by renaming,
    // after which a watch on the old file says nothing more.
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(0);
    connect(m_reloadTimer, &QTimer::timeout, this, &PortfolioIndex::reload);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));
}

PortfolioIndex::~PortfolioIndex() = default;

void PortfolioIndex::watch()
{
    if (m_watchStopped)
        return;
    const QFileInfo info(m_path);
    if (info.absoluteDir().exists() && !m_watcher->directories().contains(info.absolutePath()))
        m_watcher->addPath(info.absolutePath());
    if (info.exists() && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}

void PortfolioIndex::stopWatching()
{
    m_watchStopped = true;
    m_reloadTimer->stop();
    const QStringList paths = m_watcher->files() + m_watcher->directories();
    if (!paths.isEmpty())
        m_watcher->removePaths(paths);
}

void PortfolioIndex::setStatus(IndexStatus::Kind kind, const QString &message,
                               const QString &movedAsidePath)
{
    IndexStatus status;
    status.kind = kind;
    status.message = message;
    status.movedAsidePath = movedAsidePath;
    const bool same = status.kind == m_status.kind && status.message == m_status.message
        && status.movedAsidePath == m_status.movedAsidePath;
    m_status = status;
    if (!same)
        Q_EMIT statusChanged(m_status);
}

PortfolioIndex::ContentId
PortfolioIndex::ContentId::of(QByteArrayView bytes, const std::function<void(qsizetype)> &progress)
{
    // FNV-1a over 8-byte words, with a fold: a tenth of the work of qHash() (several milliseconds
    // for 10,000 tokens, at every start). Each step is a bijection of the state, so a file that
    // differs from the last one in a single word, or in size, is always told apart; what
    // this compares is our own file, not anything chosen to collide.
    constexpr quint64 Prime = 0x100000001b3ULL;
    quint64 hash = 0xcbf29ce484222325ULL;
    const char *at = bytes.constData();
    const char *const end = at + bytes.size();
    const char *nextReport = at + std::min<qsizetype>(ProgressStep, bytes.size());
    for (; end - at >= 8; at += 8) {
        if (progress && at >= nextReport) {
            progress(at - bytes.data());
            nextReport = at + std::min<qsizetype>(ProgressStep, end - at);
        }
        quint64 word;
        std::memcpy(&word, at, sizeof word);
        hash = (hash ^ word) * Prime;
        // The multiply carries a word's bits only upwards; folding the high half back
        // lets every bit of the word reach every bit of the state (still a bijection).
        hash ^= hash >> 32;
    }
    for (; at != end; ++at)
        hash = (hash ^ quint8(*at)) * Prime;
    return ContentId { bytes.size(), hash };
}

PortfolioIndex::ReadOutcome PortfolioIndex::readFile(Profiles *profiles, ContentId *content,
                                                     QString *detail) const
{
    QFile file(m_path);
    if (!file.exists()) {
        *content = ContentId::of(QByteArray());
        return ReadOutcome::Missing;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *detail = file.errorString();
        return ReadOutcome::IoError;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *detail = file.errorString();
        return ReadOutcome::IoError;
    }
    *content = ContentId::of(bytes);
    return parseReleasing(bytes, profiles, detail);
}

std::optional<PortfolioIndex::Profiles>
PortfolioIndex::readAsWritten(QByteArrayView bytes, const std::function<void(qsizetype)> &progress)
{
    return WrittenIndexReader(bytes, progress).read();
}

PortfolioIndex::ReadOutcome PortfolioIndex::parse(const QByteArray &bytes, Profiles *profiles,
                                                  QString *detail)
{
    QByteArray copy = bytes; // shares the data: releasing it leaves the caller's alone
    return parseReleasing(copy, profiles, detail);
}

PortfolioIndex::ReadOutcome PortfolioIndex::parseReleasing(QByteArray &bytes, Profiles *profiles,
                                                           QString *detail)
{
    if (auto written = WrittenIndexReader(bytes).read()) {
        bytes = QByteArray();
        *profiles = std::move(*written);
        return ReadOutcome::Ok;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    bytes = QByteArray();
    if (parseError.error != QJsonParseError::NoError) {
        *detail = parseError.errorString();
        return ReadOutcome::Corrupt;
    }
    if (!document.isObject()) {
        *detail = tr("not a JSON object");
        return ReadOutcome::Corrupt;
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1StringView("format")).toString() != FormatName) {
        *detail = tr("not an Agentfolio index");
        return ReadOutcome::Corrupt;
    }
    const QJsonValue version = root.value(QLatin1StringView("version"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt())
        || version.toInt() < 1) {
        *detail = tr("no valid version");
        return ReadOutcome::Corrupt;
    }
    try {
        if (version.toInt() > FormatVersion) {
            // Shown if it still reads as ours; never written back.
            *detail = QString::number(version.toInt());
            try {
                *profiles = profilesFromJson(root);
            } catch (const Malformed &) {
                profiles->clear();
            }
            return ReadOutcome::Newer;
        }
        *profiles = profilesFromJson(root);
    } catch (const Malformed &malformed) {
        *detail = malformed.what;
        return ReadOutcome::Corrupt;
    }
    return ReadOutcome::Ok;
}

bool PortfolioIndex::moveAside()
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = m_path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target =
            m_path + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(m_path, target)) {
        qCWarning(lcStore) << "could not move the corrupt index" << m_path << "aside";
        setStatus(IndexStatus::Kind::ReadFailed,
                  tr("The portfolio index %1 cannot be read, and could not be moved aside. It is "
                     "left untouched, and changes are kept in memory only until it is fixed.")
                      .arg(QDir::toNativeSeparators(m_path)));
        return false;
    }
    qCWarning(lcStore) << "moved the corrupt index" << m_path << "aside to" << target;
    setStatus(IndexStatus::Kind::CorruptMovedAside,
              tr("The portfolio index %1 could not be read. It was kept as %2 and a new index was "
                 "started; refreshing the portfolio list from the server fills it again.")
                  .arg(QDir::toNativeSeparators(m_path), QDir::toNativeSeparators(target)),
              target);
    return true;
}

bool PortfolioIndex::accept(ReadOutcome outcome, const QString &detail, bool lockHeld)
{
    switch (outcome) {
    case ReadOutcome::Missing:
    case ReadOutcome::Ok:
        m_readOnly = false;
        return true;
    case ReadOutcome::Newer:
        qCWarning(lcStore) << "the index" << m_path << "has format version" << detail
                           << "newer than" << FormatVersion << "- read-only";
        m_readOnly = true;
        setStatus(IndexStatus::Kind::NewerVersion,
                  tr("The portfolio index %1 was written by a newer version of Agentfolio. It is "
                     "shown as it is and will not be changed; new portfolios and tokens are kept "
                     "in memory only. Update Agentfolio to record them.")
                      .arg(QDir::toNativeSeparators(m_path)));
        return false;
    case ReadOutcome::IoError:
        qCWarning(lcStore) << "cannot read the index" << m_path << ":" << detail;
        m_readOnly = true;
        setStatus(IndexStatus::Kind::ReadFailed,
                  tr("The portfolio index %1 cannot be read (%2). It is left untouched, and "
                     "changes are kept in memory only.")
                      .arg(QDir::toNativeSeparators(m_path), detail));
        return false;
    case ReadOutcome::Corrupt:
        qCWarning(lcStore) << "the index" << m_path << "is corrupt:" << detail;
        if (!lockHeld) {
            // Another instance may be about to repair or replace it; the next change
            // (which holds the lock) sets it aside if it is still unreadable.
            setStatus(IndexStatus::Kind::ReadFailed,
                      tr("The portfolio index %1 cannot be read right now (%2).")
                          .arg(QDir::toNativeSeparators(m_path), detail));
            return false;
        }
        if (!moveAside()) {
            m_readOnly = true;
            return false;
        }
        m_readOnly = false;
        return true;
    }
    return false;
}

bool PortfolioIndex::load(IndexPreload *preload)
{
    // What the preload read is taken without the lock. The file is only ever replaced whole
    // (QSaveFile), so whichever version the preload read was complete; and the watch begins
    // before take() checks that the file is still that version, so a replacement after the
    // check is noticed too (reload()). The lock would cost a synced write of the lock file
    // (QLockFile) before the window shows: a millisecond on a RAM disk, more on a real one.
    // Only what the preload left alone (a corrupt file to set aside, say) needs the lock.
    // (Where the preload read nothing, the folder is not watched before the lock below:
    // taking it would look like a change made elsewhere and read the file once more.)
    if (preload && preload->path() == m_path && m_unsaved.isEmpty() && preload->hasRead()) {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        watch();
        Profiles profiles;
        ContentId content;
        if (const auto outcome = preload->take(&profiles, &content)) {
            adopt(*outcome, std::move(profiles), content, QString(), false);
            return announceLoaded();
        }
    }

    QLockFile lock(m_path + QStringLiteral(".lock"));
    const bool locked =
        QDir().mkpath(QFileInfo(m_path).absolutePath()) && lock.tryLock(int(m_lockTimeout.count()));
    Profiles profiles;
    ContentId content;
    QString detail;
    const ReadOutcome outcome = readFile(&profiles, &content, &detail);
    adopt(outcome, std::move(profiles), content, detail, locked);
    // Unlocked before watching: removing the lock file once the folder is watched would
    // look like a change made elsewhere, and re-read the whole file for nothing. (Only when
    // the preload's file changed since its reading is the folder watched already.)
    if (locked)
        lock.unlock();
    watch();
    return announceLoaded();
}

void PortfolioIndex::adopt(ReadOutcome outcome, Profiles &&profiles, ContentId content,
                           const QString &detail, bool lockHeld)
{
    const bool usable = accept(outcome, detail, lockHeld);
    if (outcome == ReadOutcome::Ok || outcome == ReadOutcome::Newer) {
        m_profiles = std::move(profiles);
        m_lastContent = content;
    } else if (usable) {
        m_profiles.clear(); // missing, or corrupt and set aside
        m_lastContent = ContentId::of(QByteArray());
    }
    if (outcome == ReadOutcome::Ok || outcome == ReadOutcome::Missing) {
        if (!m_status.isOk() && m_status.kind != IndexStatus::Kind::WriteFailed)
            setStatus(IndexStatus::Kind::Ok, QString());
    }
    for (const Change &change : std::as_const(m_unsaved))
        change(m_profiles);
}

bool PortfolioIndex::announceLoaded()
{
    qCInfo(lcStore) << "index" << m_path << "loaded:" << IndexStatus::kindName(m_status.kind);
    Q_EMIT changed();
    return m_status.isOk();
}

void PortfolioIndex::reload()
{
    watch();
    QFile file(m_path);
    QByteArray bytes;
    const bool opened = file.open(QIODevice::ReadOnly);
    if (opened)
        bytes = file.readAll();
    else if (file.exists())
        return; // unreadable for a moment; the next change will tell
    file.close();
    const ContentId content = ContentId::of(bytes);
    if (content == m_lastContent)
        return;
    Profiles profiles;
    QString detail;
    // What was just read is what is compared and parsed: no second read that could see
    // yet another version.
    const ReadOutcome outcome =
        opened ? parseReleasing(bytes, &profiles, &detail) : ReadOutcome::Missing;
    switch (outcome) {
    case ReadOutcome::Missing:
        profiles.clear();
        break;
    case ReadOutcome::Ok:
        break;
    case ReadOutcome::Newer:
        accept(outcome, detail, false);
        break;
    case ReadOutcome::Corrupt:
    case ReadOutcome::IoError:
        // Leave the shown data alone; the next change re-reads under the lock.
        qCWarning(lcStore) << "the index changed on disk but cannot be read now:" << detail;
        return;
    }
    qCDebug(lcStore) << "index" << m_path << "changed on disk; reloaded";
    m_profiles = std::move(profiles);
    m_lastContent = content;
    for (const Change &change : std::as_const(m_unsaved))
        change(m_profiles);
    Q_EMIT changed();
}

bool PortfolioIndex::writeFile(const Profiles &profiles)
{
    const QByteArray bytes = serialize(profiles);
    QSaveFile file(m_path);
    QString error;
    // A failed write is never committed: QSaveFile then leaves the previous file as it was.
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        error = file.errorString();
    if (!error.isEmpty()) {
        qCWarning(lcStore) << "could not save the index" << m_path << ":" << error;
        setStatus(IndexStatus::Kind::WriteFailed,
                  tr("The portfolio index %1 could not be saved (%2). The previous version is "
                     "intact; the change is kept in memory and will be saved with the next one.")
                      .arg(QDir::toNativeSeparators(m_path), error));
        return false;
    }
    m_lastContent = ContentId::of(bytes);
    return true;
}

bool PortfolioIndex::modify(Change change)
{
    m_unsaved.append(change);
    const auto keepInMemory = [&] {
        change(m_profiles);
        Q_EMIT changed();
        return false;
    };
    if (m_readOnly)
        return keepInMemory();

    if (!QDir().mkpath(QFileInfo(m_path).absolutePath())) {
        setStatus(IndexStatus::Kind::WriteFailed,
                  tr("The folder of the portfolio index %1 cannot be created. Changes are kept "
                     "in memory only.")
                      .arg(QDir::toNativeSeparators(m_path)));
        return keepInMemory();
    }
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(int(m_lockTimeout.count()))) {
        qCWarning(lcStore) << "the index lock" << lock.error() << "is held; change kept in memory";
        setStatus(IndexStatus::Kind::WriteFailed,
                  tr("The portfolio index %1 is in use by another Agentfolio window. The change "
                     "is kept in memory and will be saved with the next one.")
                      .arg(QDir::toNativeSeparators(m_path)));
        return keepInMemory();
    }

    // Under the lock: what is on disk now, plus every change not yet saved.
    Profiles fresh;
    ContentId content;
    QString detail;
    const ReadOutcome outcome = readFile(&fresh, &content, &detail);
    if (!accept(outcome, detail, true)) {
        if (outcome == ReadOutcome::Newer) {
            m_profiles = fresh;
            m_lastContent = content;
            for (const Change &c : std::as_const(m_unsaved))
                c(m_profiles);
            Q_EMIT changed();
            return false;
        }
        return keepInMemory();
    }
    if (outcome == ReadOutcome::Ok) {
        for (const Change &c : std::as_const(m_unsaved))
            c(fresh);
    } else {
        // Nothing usable on disk (absent, or corrupt and just set aside): start from what we
        // last knew, which already has the earlier unsaved changes, rather than from nothing.
        fresh = m_profiles;
        change(fresh);
    }
    m_profiles = fresh;
    const bool saved = writeFile(m_profiles);
    if (saved) {
        m_unsaved.clear();
        // A corrupt file set aside stays the news until something else happens.
        if (m_status.kind == IndexStatus::Kind::WriteFailed
            || m_status.kind == IndexStatus::Kind::ReadFailed)
            setStatus(IndexStatus::Kind::Ok, QString());
    }
    watch();
    Q_EMIT changed();
    return saved;
}

QList<IndexedPortfolio> PortfolioIndex::portfolios(const QString &profileId) const
{
    return m_profiles.value(profileId);
}

std::optional<IndexedPortfolio> PortfolioIndex::portfolio(const QString &profileId,
                                                          const QString &portfolioId) const
{
    const auto list = m_profiles.value(profileId);
    for (const IndexedPortfolio &p : list) {
        if (p.id == portfolioId)
            return p;
    }
    return std::nullopt;
}

std::optional<IndexedToken> PortfolioIndex::token(const QString &profileId,
                                                  const QString &portfolioId,
                                                  const QString &tokenId) const
{
    const auto p = portfolio(profileId, portfolioId);
    if (!p)
        return std::nullopt;
    const IndexedToken *t = p->token(tokenId);
    return t ? std::optional<IndexedToken>(*t) : std::nullopt;
}

bool PortfolioIndex::upsertPortfolio(const QString &profileId, const IndexedPortfolio &portfolio)
{
    qCDebug(lcStore) << "index: recording portfolio" << portfolio.id << "for profile" << profileId;
    return modify([profileId, portfolio](Profiles &profiles) {
        QList<IndexedPortfolio> &list = profiles[profileId];
        IndexedPortfolio *p = findPortfolio(list, portfolio.id);
        if (!p) {
            list.append(portfolio);
            return;
        }
        const QList<IndexedToken> known = p->tokens;
        const auto investment = p->investment;
        const auto createdAt = p->createdAt;
        const QString description = p->description;
        const QUuid requestId = p->createdByRequestId;
        *p = portfolio;
        p->tokens = known;
        if (!p->investment)
            p->investment = investment;
        if (!p->createdAt)
            p->createdAt = createdAt;
        if (p->description.isEmpty())
            p->description = description;
        if (p->createdByRequestId.isNull())
            p->createdByRequestId = requestId;
        for (const IndexedToken &t : portfolio.tokens)
            upsertTokenInto(*p, t);
    });
}

bool PortfolioIndex::upsertToken(const QString &profileId, const QString &portfolioId,
                                 const IndexedToken &token)
{
    qCDebug(lcStore) << "index: recording token" << token.token.id << "of portfolio" << portfolioId
                     << "for profile" << profileId;
    return modify([profileId, portfolioId, token](Profiles &profiles) {
        QList<IndexedPortfolio> &list = profiles[profileId];
        IndexedPortfolio *p = findPortfolio(list, portfolioId);
        if (!p) {
            IndexedPortfolio placeholder;
            placeholder.id = portfolioId;
            list.append(placeholder);
            p = &list.last();
        }
        upsertTokenInto(*p, token);
    });
}

bool PortfolioIndex::setSecretStored(const QString &profileId, const QString &portfolioId,
                                     const QString &tokenId, bool stored)
{
    return modify([=](Profiles &profiles) {
        if (IndexedPortfolio *p = findPortfolio(profiles[profileId], portfolioId)) {
            if (IndexedToken *t = findToken(*p, tokenId))
                t->secretStored = stored;
        }
    });
}

bool PortfolioIndex::settleHandOff(const QString &profileId, const QString &portfolioId,
                                   const QString &tokenId, bool secretStored)
{
    qCDebug(lcStore) << "index: hand-off of token" << tokenId
                     << "settled, secret stored:" << secretStored;
    return modify([=](Profiles &profiles) {
        if (IndexedPortfolio *p = findPortfolio(profiles[profileId], portfolioId)) {
            if (IndexedToken *t = findToken(*p, tokenId)) {
                t->secretStored = secretStored;
                t->handOffOwner.clear();
            }
        }
    });
}

bool PortfolioIndex::setRevoked(const QString &profileId, const QString &portfolioId,
                                const QString &tokenId)
{
    return modify([=](Profiles &profiles) {
        if (IndexedPortfolio *p = findPortfolio(profiles[profileId], portfolioId)) {
            if (IndexedToken *t = findToken(*p, tokenId))
                t->revoked = true;
        }
    });
}

bool PortfolioIndex::removePortfolio(const QString &profileId, const QString &portfolioId)
{
    qCInfo(lcStore) << "index: removing portfolio" << portfolioId << "of profile" << profileId;
    return modify([=](Profiles &profiles) {
        QList<IndexedPortfolio> &list = profiles[profileId];
        list.removeIf([&](const IndexedPortfolio &p) { return p.id == portfolioId; });
    });
}

bool PortfolioIndex::removeToken(const QString &profileId, const QString &portfolioId,
                                 const QString &tokenId)
{
    qCInfo(lcStore) << "index: removing token" << tokenId << "of portfolio" << portfolioId;
    return modify([=](Profiles &profiles) {
        if (IndexedPortfolio *p = findPortfolio(profiles[profileId], portfolioId))
            p->tokens.removeIf([&](const IndexedToken &t) { return t.token.id == tokenId; });
    });
}

bool PortfolioIndex::mergeServerList(const QString &profileId, const QList<Portfolio> &server,
                                     IndexMergeSummary *summary)
{
    // The summary describes the merge as it applied to the freshest data; replays of this
    // change (after a failed save) do not overwrite it.
    auto result = std::make_shared<std::optional<IndexMergeSummary>>();
    const bool saved = modify([profileId, server, result](Profiles &profiles) {
        const IndexMergeSummary s = mergeInto(profiles[profileId], server);
        if (!*result)
            *result = s;
    });
    if (summary && *result)
        *summary = **result;
    if (*result)
        qCInfo(lcStore) << "index: merged the server list for profile" << profileId << ":"
                        << (*result)->portfoliosAdded << "portfolios added,"
                        << (*result)->portfoliosGone << "gone," << (*result)->tokensAdded
                        << "tokens added," << (*result)->tokensGone << "gone";
    return saved;
}

bool PortfolioIndex::flush()
{
    if (m_unsaved.isEmpty())
        return true;
    return modify([](Profiles &) {});
}

} // namespace agentfolio
