#pragma once

// Reads the two JSON examples of the API's seed page
// (../shared/api/create-agent-portfolio.seed.txt): the curl request body and the
// 201 response that follows it. Tests compare our JSON with them, from the file.

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace seed {

inline QByteArray pageText()
{
    QFile file(QStringLiteral(AGENTFOLIO_SEED_FILE));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The balanced {...} starting at the first '{' at or after `from`.
inline QByteArray objectAt(const QByteArray &text, qsizetype from, qsizetype *end = nullptr)
{
    const qsizetype start = text.indexOf('{', from);
    if (start < 0)
        return {};
    int depth = 0;
    bool inString = false;
    for (qsizetype i = start; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            if (end)
                *end = i + 1;
            return text.mid(start, i + 1 - start);
        }
    }
    return {};
}

inline QJsonObject requestExample()
{
    const QByteArray text = pageText();
    return QJsonDocument::fromJson(objectAt(text, text.indexOf("--data '"))).object();
}

inline QByteArray responseExampleBytes()
{
    const QByteArray text = pageText();
    qsizetype end = 0;
    objectAt(text, text.indexOf("--data '"), &end);
    return objectAt(text, end);
}

} // namespace seed
