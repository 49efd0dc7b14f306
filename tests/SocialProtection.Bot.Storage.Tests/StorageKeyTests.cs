namespace SocialProtection.Bot.Storage.Tests;

public sealed class StorageKeyTests
{
    private static readonly string[] TrickyIds =
    [
        "29:1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_aBcDeF",
        "29:1abcdefghijklmnopqrstuvwxyz0123456789-_abcdef",
        "a:1Xyz9;messageid=1717171717171",
        "19:meeting_NjQ2YzM1ZTAtYjM@thread.v2",
        "19:abc@thread.tacv2;messageid=1",
        "6f1c2e3a-1b2c-4d5e-8f90-1234567890ab",
        "6F1C2E3A-1B2C-4D5E-8F90-1234567890AB",
        "ABC",
        "abc",
        "_babc",
        "ผู้เข้าร่วม",
        "a/b",
        "..",
        ".",
        "con",
        new string('x', 100),
        new string('x', 101),
        new string('é', 60),
        new string('é', 61),
    ];

    [Fact]
    public void Any_id_becomes_a_valid_segment_and_different_ids_never_share_one()
    {
        var segments = TrickyIds.Select(StorageKey.Segment).ToList();

        Assert.All(segments, segment => StorageKey.Validate(StorageKey.Combine("participants", segment)));
        Assert.All(segments, segment => Assert.InRange(segment.Length, 1, StorageKey.MaxSegmentLength));
        Assert.Equal(TrickyIds.Length, segments.Distinct(StringComparer.Ordinal).Count());
        // Distinct even on a file system that ignores case.
        Assert.Equal(TrickyIds.Length, segments.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_same_id_always_gives_the_same_segment()
    {
        Assert.Equal(StorageKey.Segment("29:1AbC"), StorageKey.Segment("29:1AbC"));
        Assert.Equal("_bgi4tumkbmjbq", StorageKey.Segment("29:1AbC")); // "_b" + RFC 4648 base32, lower case, unpadded
    }

    [Fact]
    public void Lowercase_guids_and_simple_ids_stay_readable()
    {
        Assert.Equal("6f1c2e3a-1b2c-4d5e-8f90-1234567890ab", StorageKey.Segment("6f1c2e3a-1b2c-4d5e-8f90-1234567890ab"));
        Assert.Equal("w-2026-01", StorageKey.Segment("w-2026-01"));
    }

    [Fact]
    public void Long_ids_are_hashed_to_a_short_segment()
    {
        var segment = StorageKey.Segment("29:" + new string('Q', 300));

        Assert.StartsWith("_h", segment, StringComparison.Ordinal);
        Assert.Equal(66, segment.Length);
    }

    [Fact]
    public void Text_that_is_not_an_id_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => StorageKey.Segment(""));
        // Built here: test-case serialization would replace the lone surrogate with U+FFFD.
        Assert.ThrowsAny<ArgumentException>(() => StorageKey.Segment(char.ConvertFromUtf32(0x1F600)[..1] + " lone surrogate"));
    }

    [Fact]
    public void Combine_joins_single_segments_and_refuses_anything_that_would_change_the_path()
    {
        Assert.Equal("workshops/w1/answers", StorageKey.Combine("workshops", "w1", "answers"));
        Assert.Throws<ArgumentException>(() => StorageKey.Combine("workshops", "w1/answers"));
        Assert.Throws<ArgumentException>(() => StorageKey.Combine("workshops", ".."));
        Assert.Throws<ArgumentException>(() => StorageKey.Combine("workshops", ""));
        Assert.Throws<ArgumentException>(() => StorageKey.Combine());
    }

    [Fact]
    public void Keys_longer_than_the_limit_are_refused()
    {
        var segment = new string('a', StorageKey.MaxSegmentLength);
        var longest = string.Join('/', Enumerable.Repeat(segment, 10)) + "/" + new string('b', StorageKey.MaxKeyLength - 1010);

        StorageKey.Validate(longest);
        Assert.Throws<ArgumentException>(() => StorageKey.Validate(longest + "b"));
        Assert.Throws<ArgumentException>(() => StorageKey.Validate(new string('a', StorageKey.MaxSegmentLength + 1)));
    }
}
