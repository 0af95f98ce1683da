#pragma once

#include "store/portfolioindex.h"

#include <QString>
#include <thread>

namespace agentfolio {

// Reads an index file on a thread of its own, from construction on, so that start-up
// builds the window meanwhile: at 10,000 tokens the reading costs as much as the window.
// PortfolioIndex::load(preload) then takes what it read, if the file has not changed
// since (same file, size and times), and otherwise reads it itself.
//
// Only a file as PortfolioIndex writes it is read here, through a read-only mapping whose
// pages are handed back as the reading passes them, so the file's bytes are never all in
// memory beside the window and the index. Anything else (an error, a hand-edited or
// newer file, a platform without POSIX mappings) is left to load(), which reads it and
// says what is wrong. The file is replaced whole, never rewritten in place (QSaveFile),
// so the mapping never shrinks under the reader.
class IndexPreload
{
public:
    explicit IndexPreload(const QString &path);
    ~IndexPreload(); // waits for the thread
    IndexPreload(const IndexPreload &) = delete;
    IndexPreload &operator=(const IndexPreload &) = delete;

    QString path() const { return m_path; }
    // Waits for the thread: true when it read the file (or found none) and holds what it
    // read for load() to take; false when it left the file to load().
    bool hasRead();

private:
    friend class PortfolioIndex;

    // What tells one version of the file from another without reading it.
    struct FileStamp
    {
        bool exists = false;
        quint64 device = 0;
        quint64 inode = 0;
        qint64 size = 0;
        qint64 modifiedNs = 0;
        qint64 changedNs = 0;
        bool operator==(const FileStamp &) const = default;
    };
    static std::optional<FileStamp> stamp(const QByteArray &path, int fd = -1);

    void run();
    // Waits for the thread. The outcome (Ok or Missing) with the profiles and content id,
    // once, when the file is still the one read; nullopt otherwise.
    std::optional<PortfolioIndex::ReadOutcome> take(PortfolioIndex::Profiles *profiles,
                                                    PortfolioIndex::ContentId *content);

    QString m_path;
    QByteArray m_nativePath;
    std::thread m_thread;
    // Written by the thread, read after it has been joined.
    std::optional<PortfolioIndex::ReadOutcome> m_outcome;
    FileStamp m_stamp;
    PortfolioIndex::Profiles m_profiles;
    PortfolioIndex::ContentId m_content;
};

} // namespace agentfolio
