//! A git pack of new blobs, each stored whole: how `init` stores a new plan's files.
//!
//! libgit2's pack builder compares every blob with its ten neighbours in search of deltas; for
//! a plan of 10,000 files that search cost more than everything else `init` did, and staging
//! the blobs in its object database first made it list `.git/objects/pack` twice per blob. A
//! pack whose objects are whole is as valid (git finds deltas later, when `gc` repacks) and
//! needs only zlib and SHA-1: each blob is deflated into the pack under the id git gives it,
//! and the pack ends with the SHA-1 of its bytes. libgit2's pack writer then checks the pack,
//! as it checks one received from a remote, and writes its index beside it.

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

/// The bytes of a pack holding each of `blobs` whole (a blob given twice is stored once), and
/// the id of each blob, in the order given.
pub(super) fn pack_of_blobs(blobs: &[&[u8]]) -> Result<(Vec<u8>, Vec<Oid>), RepoError> {
    let ids: Vec<Oid> = blobs.iter().map(|b| blob_id(b)).collect();
    let mut seen = std::collections::HashSet::with_capacity(ids.len());
    let unique: Vec<&[u8]> = blobs
        .iter()
        .zip(&ids)
        .filter(|(_, id)| seen.insert(**id))
        .map(|(b, _)| *b)
        .collect();
    let count = u32::try_from(unique.len())
        .map_err(|_| git2::Error::from_str("more objects than a pack can hold"))?;
    // Text deflates to about a third; most of a plan's files are small.
    let mut pack = Vec::with_capacity(64 + blobs.iter().map(|b| b.len() / 2 + 24).sum::<usize>());
    pack.extend_from_slice(b"PACK");
    pack.extend_from_slice(&VERSION.to_be_bytes());
    pack.extend_from_slice(&count.to_be_bytes());
    // One compressor, reset between blobs: a new one per blob would allocate (and zero) its
    // tables 10,000 times. The fastest level: these objects live until the next `gc`, which
    // compresses them again when it repacks.
    let mut zlib = Compress::new(Compression::fast(), true);
    for blob in unique {
        object_header(&mut pack, BLOB, blob.len());
        deflate(&mut zlib, blob, &mut pack)?;
        zlib.reset();
    }
    let trailer = sha1_smol::Sha1::from(&pack).digest().bytes();
    pack.extend_from_slice(&trailer);
    Ok((pack, ids))
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
fn deflate(zlib: &mut Compress, input: &[u8], out: &mut Vec<u8>) -> Result<(), RepoError> {
    let start = zlib.total_in();
    loop {
        let done = usize::try_from(zlib.total_in() - start).unwrap_or(input.len());
        out.reserve(input.len() / 2 + 64);
        let status = zlib
            .compress_vec(&input[done..], out, FlushCompress::Finish)
            .map_err(|e| git2::Error::from_str(&e.to_string()))?;
        if status == Status::StreamEnd {
            return Ok(());
        }
    }
}

/// Stores `blobs` in `repo` as one new pack (with its index), rather than as one loose object
/// file each, and gives each blob's id in the order given.
pub(super) fn write_blobs(repo: &Repository, blobs: &[&[u8]]) -> Result<Vec<Oid>, RepoError> {
    let (pack, ids) = pack_of_blobs(blobs)?;
    let odb = repo.odb()?;
    let mut writer = odb.packwriter()?;
    std::io::Write::write_all(&mut writer, &pack)
        .map_err(|e| git2::Error::from_str(&e.to_string()))?;
    writer.commit()?;
    Ok(ids)
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
