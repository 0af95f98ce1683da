#pragma once

#include <QString>

namespace agentfolio {

// A secret value (an API key, a user key, a user token). It deliberately has no
// QDebug streaming operator and no implicit conversion to QString, so that
// `qDebug() << secret` or string concatenation into a message fails to compile.
// Code that truly needs the characters (the HTTP header, the keychain, the
// clipboard) calls reveal() and says so at the call site.
class Secret
{
public:
    Secret() = default;
    explicit Secret(QString value)
        : m_value(std::move(value))
    { }

    const QString &reveal() const { return m_value; }
    bool isEmpty() const { return m_value.isEmpty(); }
    qsizetype size() const { return m_value.size(); }

    bool operator==(const Secret &other) const = default;

    // A display form that is safe everywhere: bullets, never characters.
    QString masked() const { return QString(qMin<qsizetype>(m_value.size(), 24), QChar(0x2022)); }

private:
    QString m_value;
};

} // namespace agentfolio
