//! A git pack of new blobs, each stored whole, and its index: how `init` stores a new plan's
//! files.
//!
//! libgit2's pack builder compares every blob with its ten neighbours in search of deltas; for
//! a plan of 10,000 files that search cost more than everything else `init` did, and staging
//! the blobs in its object database first made it list `.git/objects/pack` twice per blob.
//! Its pack writer then inflated and hashed every object again to index the pack. A pack whose
//! objects are whole is as valid (git finds deltas later, when `gc` repacks) and needs only
//! zlib, SHA-1 and CRC-32: each blob is deflated into the pack under the id git gives it, the
//! pack ends with the SHA-1 of its bytes, and the index (version 2, as git writes it) lists
//! each id with its offset and its CRC-32, sorted. Both files go into `objects/pack` as git's
//! own `index-pack` leaves them: the pack first, then the index that makes it visible.

use super::RepoError;
use flate2::{Compress, Compression, FlushCompress, Status};
use git2::{Oid, Repository};

/// The pack format version git writes and every git reads.
const VERSION: u32 = 2;
/// A blob's type number in a pack's object headers.
const BLOB: u8 = 3;

/// The id git gives a blob of `bytes` (the SHA-1 of its header and bytes).
pub(super) fn blob_id(bytes: &[u8]) -> Oid {
    let mut sha = sha1_smol::Sha1::new();
    sha.update(format!("blob {}\0", bytes.len()).as_bytes());
    sha.update(bytes);
    // Twenty bytes, which is what `from_bytes` takes: it cannot fail.
    Oid::from_bytes(&sha.digest().bytes()).unwrap_or(Oid::ZERO_SHA1)
}

/// A pack in memory: its bytes, and where each object sits in it.
pub(super) struct Pack {
    /// The pack file's bytes, ending with the SHA-1 of those before it.
    pub(super) bytes: Vec<u8>,
    /// Each object once: its id, offset in the pack and CRC-32 of its bytes there.
    entries: Vec<(Oid, u64, u32)>,
}

/// The pack holding each of `blobs` whole (a blob given twice is stored once), and the id of
/// each blob, in the order given.
pub(super) fn pack_of_blobs(blobs: &[&[u8]]) -> std::io::Result<(Pack, Vec<Oid>)> {
    let ids: Vec<Oid> = blobs.iter().map(|b| blob_id(b)).collect();
    let mut seen = std::collections::HashSet::with_capacity(ids.len());
    let unique: Vec<(Oid, &[u8])> = ids
        .iter()
        .zip(blobs)
        .filter(|(id, _)| seen.insert(**id))
        .map(|(id, b)| (*id, *b))
        .collect();
    // A pack counts its objects in 32 bits.
    let count = u32::try_from(unique.len())
        .map_err(|_| std::io::Error::from(std::io::ErrorKind::FileTooLarge))?;
    // Text deflates to about a third; most of a plan's files are small.
    let mut bytes = Vec::with_capacity(64 + blobs.iter().map(|b| b.len() / 2 + 24).sum::<usize>());
    bytes.extend_from_slice(b"PACK");
    bytes.extend_from_slice(&VERSION.to_be_bytes());
    bytes.extend_from_slice(&count.to_be_bytes());
    let mut entries = Vec::with_capacity(unique.len());
    // One compressor, reset between blobs: a new one per blob would allocate (and zero) its
    // tables 10,000 times. The fastest level: these objects live until the next `gc`, which
    // compresses them again when it repacks.
    let mut zlib = Compress::new(Compression::fast(), true);
    for (id, blob) in unique {
        let start = bytes.len();
        object_header(&mut bytes, BLOB, blob.len());
        deflate(&mut zlib, blob, &mut bytes)?;
        zlib.reset();
        let mut crc = flate2::Crc::new();
        crc.update(&bytes[start..]);
        entries.push((id, start as u64, crc.sum()));
    }
    let trailer = sha1_smol::Sha1::from(&bytes).digest().bytes();
    bytes.extend_from_slice(&trailer);
    Ok((Pack { bytes, entries }, ids))
}

impl Pack {
    /// The SHA-1 the pack ends with, which also names it.
    fn checksum(&self) -> &[u8] {
        &self.bytes[self.bytes.len() - 20..]
    }

    /// The pack's index, version 2: a fan-out table by first byte of id, the ids sorted, the
    /// CRC-32 and the offset of each, offsets past 2 GiB in a table of their own, the pack's
    /// checksum, and the SHA-1 of all of that.
    pub(super) fn index(&self) -> Vec<u8> {
        let mut entries = self.entries.clone();
        entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let mut out = Vec::with_capacity(8 + 256 * 4 + entries.len() * 28 + 40);
        out.extend_from_slice(b"\xfftOc");
        out.extend_from_slice(&2u32.to_be_bytes());
        let mut fanout = [0u32; 256];
        for (id, _, _) in &entries {
            fanout[usize::from(id.as_bytes()[0])] += 1;
        }
        let mut total = 0;
        for n in fanout {
            total += n;
            out.extend_from_slice(&total.to_be_bytes());
        }
        for (id, _, _) in &entries {
            out.extend_from_slice(id.as_bytes());
        }
        for (_, _, crc) in &entries {
            out.extend_from_slice(&crc.to_be_bytes());
        }
        let mut large = Vec::new();
        for (_, offset, _) in &entries {
            let small = match u32::try_from(*offset) {
                Ok(o) if o < 0x8000_0000 => o,
                _ => {
                    large.push(*offset);
                    0x8000_0000 | (large.len() - 1) as u32
                }
            };
            out.extend_from_slice(&small.to_be_bytes());
        }
        for offset in large {
            out.extend_from_slice(&offset.to_be_bytes());
        }
        out.extend_from_slice(self.checksum());
        let own = sha1_smol::Sha1::from(&out).digest().bytes();
        out.extend_from_slice(&own);
        out
    }
}

/// Writes a pack object's header: its type and size, seven bits a byte after the first four,
/// the high bit of each byte saying whether another follows.
fn object_header(out: &mut Vec<u8>, kind: u8, size: usize) {
    let mut size = size as u64;
    let mut byte = (kind << 4) | (size & 0x0f) as u8;
    size >>= 4;
    while size > 0 {
        out.push(byte | 0x80);
        byte = (size & 0x7f) as u8;
        size >>= 7;
    }
    out.push(byte);
}

/// Appends `input` to `out` as one whole zlib stream.
fn deflate(zlib: &mut Compress, input: &[u8], out: &mut Vec<u8>) -> std::io::Result<()> {
    let start = zlib.total_in();
    loop {
        let done = usize::try_from(zlib.total_in() - start).unwrap_or(input.len());
        out.reserve(input.len() / 2 + 64);
        let status = zlib
            .compress_vec(&input[done..], out, FlushCompress::Finish)
            .map_err(std::io::Error::other)?;
        if status == Status::StreamEnd {
            return Ok(());
        }
    }
}

/// Stores `blobs` in `repo` as one new pack with its index, rather than as one loose object
/// file each, and gives each blob's id in the order given.
pub(super) fn write_blobs(repo: &Repository, blobs: &[&[u8]]) -> Result<Vec<Oid>, RepoError> {
    let dir = repo.commondir().join("objects").join("pack");
    let (pack, ids) = pack_of_blobs(blobs).map_err(super::io(&dir))?;
    std::fs::create_dir_all(&dir).map_err(super::io(&dir))?;
    let name: String = pack.checksum().iter().map(|b| format!("{b:02x}")).collect();
    let base = dir.join(format!("pack-{name}"));
    // The pack before its index: git reads a pack only once its index is there.
    for (ext, bytes) in [("pack", pack.bytes.as_slice()), ("idx", &pack.index())] {
        let path = base.with_extension(ext);
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!("tmp_{ext}_"))
            .tempfile_in(&dir)
            .map_err(super::io(&dir))?;
        std::io::Write::write_all(&mut tmp, bytes).map_err(super::io(&path))?;
        // Read-only, as git leaves its packs.
        set_read_only(tmp.as_file()).map_err(super::io(&path))?;
        tmp.persist(&path).map_err(|e| super::io(&path)(e.error))?;
    }
    // The handle's list of packs was read before this one existed.
    repo.odb()?.refresh()?;
    Ok(ids)
}

fn set_read_only(file: &std::fs::File) -> std::io::Result<()> {
    let mut permissions = file.metadata()?.permissions();
    #[cfg(unix)]
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o444);
    #[cfg(not(unix))]
    permissions.set_readonly(true);
    file.set_permissions(permissions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blob_is_named_as_git_names_it() -> Result<(), git2::Error> {
        for bytes in [&b""[..], b"Activity(\n)\n", &[0xff; 70_000]] {
            assert_eq!(
                blob_id(bytes),
                Oid::hash_object(git2::ObjectType::Blob, bytes)?
            );
        }
        Ok(())
    }

    #[test]
    fn a_pack_written_reads_back_blob_by_blob() -> Result<(), RepoError> {
        let dir = tempfile::tempdir().map_err(|e| git2::Error::from_str(&e.to_string()))?;
        let repo = Repository::init(dir.path())?;
        // Empty, small, given twice, and larger than one round of the compressor's output.
        let large: Vec<u8> = (0..200_000u32).flat_map(|i| i.to_le_bytes()).collect();
        let blobs: Vec<&[u8]> = vec![b"", b"plan\n", b"plan\n", &large];
        let ids = write_blobs(&repo, &blobs)?;
        assert_eq!(ids.len(), blobs.len());
        assert_eq!(ids[1], ids[2]);
        let odb = repo.odb()?;
        for (id, bytes) in ids.iter().zip(&blobs) {
            let object = odb.read(*id)?;
            assert_eq!(object.kind(), git2::ObjectType::Blob);
            assert_eq!(object.data(), *bytes);
        }
        // One pack and its index, no loose object.
        let objects = dir.path().join(".git/objects");
        let mut packed: Vec<String> = std::fs::read_dir(objects.join("pack"))
            .map_err(|e| git2::Error::from_str(&e.to_string()))?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        packed.sort();
        assert_eq!(packed.len(), 2, "{packed:?}");
        assert!(packed[0].ends_with(".idx") && packed[1].ends_with(".pack"));
        let mut folders: Vec<String> = std::fs::read_dir(&objects)
            .map_err(|e| git2::Error::from_str(&e.to_string()))?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        folders.sort();
        assert_eq!(folders, ["info", "pack"]);
        let mut count = 0;
        odb.foreach(|_| {
            count += 1;
            true
        })?;
        // The blob given twice is stored once.
        assert_eq!(count, 3);
        Ok(())
    }

    #[test]
    fn the_index_is_the_one_libgit2_writes_for_the_same_pack() -> Result<(), RepoError> {
        let dir = tempfile::tempdir().map_err(|e| git2::Error::from_str(&e.to_string()))?;
        let repo = Repository::init(dir.path())?;
        let texts: Vec<String> = (0..300).map(|i| format!("Activity({i})\n")).collect();
        let blobs: Vec<&[u8]> = texts.iter().map(String::as_bytes).collect();
        let (pack, _) = pack_of_blobs(&blobs).map_err(|e| git2::Error::from_str(&e.to_string()))?;
        let odb = repo.odb()?;
        let mut writer = odb.packwriter()?;
        std::io::Write::write_all(&mut writer, &pack.bytes)
            .map_err(|e| git2::Error::from_str(&e.to_string()))?;
        writer.commit()?;
        let pack_dir = dir.path().join(".git/objects/pack");
        let idx = std::fs::read_dir(&pack_dir)
            .map_err(|e| git2::Error::from_str(&e.to_string()))?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "idx"))
            .ok_or_else(|| git2::Error::from_str("no index written"))?;
        let theirs = std::fs::read(&idx).map_err(|e| git2::Error::from_str(&e.to_string()))?;
        assert!(pack.index() == theirs);
        Ok(())
    }

    #[test]
    fn sizes_are_written_four_bits_then_seven_a_byte() {
        let header = |size| {
            let mut out = Vec::new();
            object_header(&mut out, BLOB, size);
            out
        };
        assert_eq!(header(0), [0x30]);
        assert_eq!(header(15), [0x3f]);
        assert_eq!(header(16), [0xb0, 0x01]);
        assert_eq!(header(100_000), [0xb0, 0xea, 0x30]);
    }
}
