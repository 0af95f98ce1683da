#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace agentfolio {

// The permission scopes a user token can carry (v1 of the API).
class Scopes
{
    Q_DECLARE_TR_FUNCTIONS(Scopes)
public:
    static constexpr int RealRead = 200;
    static constexpr int DemoRead = 201;
    static constexpr int RealWrite = 202;
    static constexpr int DemoWrite = 203;

    static QList<int> all() { return { RealRead, DemoRead, RealWrite, DemoWrite }; }
    // The API's example and our form's default.
    static QList<int> defaults() { return { RealRead, RealWrite }; }

    static bool isKnown(int id) { return id >= RealRead && id <= DemoWrite; }
    // "etoro-public:real:read"; empty for an unknown id.
    static QString apiName(int id);
    // 200 for "etoro-public:real:read"; nullopt for an unknown name.
    static std::optional<int> fromApiName(QStringView name);
    // "Real account: read", translated.
    static QString displayName(int id);
};

} // namespace agentfolio
